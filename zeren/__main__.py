from zeren.cli import main

main()
