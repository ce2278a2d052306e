// SPI, wrapped once: statements are prepared on first use and kept for the
// life of the backend, and every call that can fail goes through pg::call.
#pragma once

#include "pg/postgres.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace niaga::pg::spi {

// Connects to SPI for the current call. There is deliberately no destructor
// that disconnects: on an error the transaction (or subtransaction) abort
// pops the SPI stack, and on success finish() is called explicitly.
//
// Memory: SPI_connect switches to SPI's procedure context, which SPI_finish
// frees. niaga switches straight back to the caller's context (and every
// Statement::execute returns there), so whatever C++ allocates while
// connected — a uuid to return, a modified trigger row, a copied value —
// outlives finish(). Values read from a result (value(), required()) live
// in SPI's memory until the next statement or finish(): copy what is kept.
class Connection {
  public:
    Connection();
    void finish();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
};

// How a Statement is planned. PostgreSQL re-plans a statement with array
// parameters (= ANY($1), unnest) on every call unless told to keep a
// generic plan; niaga's small lookups want the generic plan, planned once.
// A bulk statement whose best plan depends on how many ids it gets (a few
// orders or 100 000) is planned per call instead.
enum class Planning { kGeneric, kPerCall };

// A parameterised statement, prepared once per backend (SPI_keepplan).
class Statement {
  public:
    Statement(std::string sql, std::initializer_list<Oid> argument_types, Planning planning = Planning::kGeneric);
    // Executes with the given arguments (NULL where nulls[i] == 'n'); returns
    // SPI_processed. `limit` 0 means all rows.
    uint64_t execute(const Datum* values, const char* nulls, long limit = 0) const;

  private:
    std::string sql_;
    std::vector<Oid> argument_types_;
    Planning planning_;
    mutable SPIPlanPtr plan_ = nullptr;
};

// Column `column` (1-based) of row `row` of the last result; nullopt for NULL.
std::optional<Datum> value(uint64_t row, int column);
// The same for a column that cannot be NULL: an internal error (XX000)
// naming the query's column if it is, never a read of an empty value.
Datum required(uint64_t row, int column);

}  // namespace niaga::pg::spi
