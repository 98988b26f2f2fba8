# govlint's messages in English. Each id is used by `msg!("id", …)` in the source; a test
# checks that every id used is here (and in every other catalog), that every id here is
# used, and that each message refers to exactly the arguments the code gives it.

# A message the unit tests of the catalog machinery render.
test-message = { $count ->
    [one] once { $mark } (test)
   *[other] { $count } times { $mark } (test)
}
