// A backend-global value set for the extent of a C++ scope. niaga uses
// these to tell its own triggers that a write is niaga's (a reservation, a
// ledger entry, computed totals). The destructor restores the previous
// value, also when an exception unwinds — and PostgreSQL errors met in C++
// become exceptions (pg::call), so no error can leave one set.
#pragma once

namespace niaga {

template <typename T>
class Scoped {
  public:
    Scoped(T& slot, T value) : slot_(slot), previous_(slot) { slot_ = value; }
    ~Scoped() { slot_ = previous_; }
    Scoped(const Scoped&) = delete;
    Scoped& operator=(const Scoped&) = delete;

  private:
    T& slot_;
    T previous_;
};

}  // namespace niaga
