import sys

from modulfix.cli import main

sys.exit(main())
