from football_rag.cli import main

main()
