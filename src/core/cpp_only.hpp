// Included first by every .cpp file in src/core. The business rules stay
// plain C++ so they can be unit-tested without a server and so that no
// PostgreSQL longjmp can ever cross them. Two fences: this file makes a
// PostgreSQL header pulled in ahead of it a compile error, and both builds
// compile src/core without PostgreSQL's include path, so a PostgreSQL header
// included anywhere in core is not even found.
#pragma once

#if defined(POSTGRES_H) || defined(PG_CONFIG_H) || defined(C_H)
#error "src/core must not include PostgreSQL headers; put PostgreSQL calls in src/pg"
#endif
