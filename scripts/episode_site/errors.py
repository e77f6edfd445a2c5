"""The one error type for bad input: where it is, what is wrong, what to do."""

from __future__ import annotations


class InputError(Exception):
    """A problem in a seed file that the person running the build must fix."""

    def __init__(self, path: str, line: int | None, problem: str, fix: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(self.message())

    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}. {self.fix}"
