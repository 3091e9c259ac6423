"""`python -m mobile_mock.simulator --api … --mock … --staff-file …` (scripts/demo.py runs it for you)."""

import sys

from mobile_mock.simulator.runner import main

sys.exit(main())
