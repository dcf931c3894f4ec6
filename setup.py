"""Build hook: ship the report notebooks inside the package.

The notebooks live in `notebooks/` at the top of the repository (users open
them in JupyterLab there; each is paired with a jupytext `.py` file). A built
package carries a copy of the `.ipynb` files as package data in
`claimscope/notebooks/`, so `claimscope report` finds them after a
non-editable `pip install .` (`claimscope.render.default_notebooks_dir`). An
editable install reads `notebooks/` in place. Everything else about the
package is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithNotebooks(build_py):
    """build_py, plus notebooks/*.ipynb -> claimscope/notebooks/."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "claimscope" / "notebooks"
        self.mkpath(str(target))
        for nb in sorted((HERE / "notebooks").glob("*.ipynb")):
            self.copy_file(str(nb), str(target / nb.name))


setup(cmdclass={"build_py": BuildPyWithNotebooks})
