// Moved to tests/fakes/ (one fake background and one set of senders for unit and security tests). This
// re-export keeps test files written against the old path compiling until they import from there.
export * from '../fakes/background';
export * from '../fakes/senders';
