import RamuCLI

Ramusim.main()
