"""Execute the report notebooks and export them as offline HTML pages.

`claimscope report` makes every page with papermill from the same notebooks a
user opens in JupyterLab. What this module adds is speed without a second way
of making pages:

- **warm kernels**: starting a kernel costs ~3 s of CPU (Python, pandas,
  altair, claimscope); a page costs a fraction of that. `WarmKernel` keeps one
  kernel running, and the papermill engine `claimscope_warm` (`warm_kernel_engine()`)
  runs each notebook in it after resetting its namespace (`RESET_CODE`:
  IPython's `reset(new_session=True)`, so variables, `In`/`Out` and the
  execution counter start afresh, and the working directory is set again).
  Imported modules stay imported, which is the point; the tables stay loaded
  too (`reports.load_tables` keeps them while their files are unchanged when
  `TABLE_CACHE_ENV` is set, which only these kernels do).
- **worker processes**: a `WorkerPool` spreads the pages over `jobs` worker
  processes, each with its own warm kernel and its own nbconvert exporter, so
  two jobs use two cores (papermill's and nbconvert's Python work included).
  A failing cell becomes a `ReportFailure` with the cell's error; a kernel that
  dies or times out is restarted; a worker that dies is replaced; the other
  pages are still made.
- **one exporter per worker** (`PageExporter`): nbconvert's template is
  compiled once, and the ~0.9 MB Vega bundle is put into the page after
  nbconvert's HTML clean-up pass instead of being parsed by it on every page.

`render_page` is the one-fresh-kernel-per-page path (`claimscope report
--fresh-kernels`): the same `PageRenderer`, without the warm kernel; tests
check both write the same pages.
"""

from __future__ import annotations

import copy
import functools
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "ReportJob",
    "ReportFailure",
    "TEMPLATES_DIR",
    "KERNEL_ARGS",
    "TABLE_CACHE_ENV",
    "RESET_CODE",
    "default_notebooks_dir",
    "execute_notebook",
    "PageExporter",
    "export_html",
    "write_atomic",
    "WarmKernel",
    "warm_kernel_engine",
    "RenderConfig",
    "PageRenderer",
    "WorkerPool",
    "render_page",
    "skip_iri_format_check",
]

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TABLE_CACHE_ENV = "CLAIMSCOPE_TABLE_CACHE"
ENGINE_NAME = "claimscope_warm"

# Extra command-line arguments for the report kernels. jsonschema (imported by
# altair) eagerly imports `rfc3987_syntax`, which compiles ~35 Earley grammars
# at import: 1.5-2 s per kernel. Marking the module absent in the report
# kernels makes jsonschema skip its `iri` format check, which no Vega-Lite spec
# uses (python-jsonschema/jsonschema#1428). Only these kernels are affected;
# the user's own JupyterLab is not.
# Kernel log level CRITICAL: report kernels do not print ipykernel's "running
# over TCP without encryption" warning, nor the "KeyboardInterrupt caught"
# logged at shutdown, into the command's output (cell errors still reach
# papermill through the kernel protocol). No input history database and no
# output cache (`Out`, `_1`...): report kernels never read them back, and
# without the cache IPython's namespace reset skips a full garbage collection
# (~0.1 s per page in a warm kernel). Outputs are the same either way.
KERNEL_ARGS: tuple[str, ...] = (
    "--IPKernelApp.exec_lines=__import__('sys').modules.setdefault('rfc3987_syntax', None)",
    "--IPKernelApp.log_level=CRITICAL",
    "--HistoryManager.enabled=False",
    "--InteractiveShell.cache_size=0",
)


def skip_iri_format_check() -> None:
    """In a process of claimscope's own (a report worker, the `claimscope
    report` command), import jsonschema without `rfc3987_syntax`: the same
    1.5-2 s saving as `KERNEL_ARGS` gives the kernels, for a format check no
    report uses. Never called on a library user's behalf."""
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


# Sent (silently, outside the notebook) to a warm kernel before each notebook:
# a fresh namespace, In/Out and execution counter (so execution counts match a
# fresh kernel's), and the notebook's working directory.
RESET_CODE = "get_ipython().reset(new_session=True)\n__import__('os').chdir({cwd!r})\n"


def default_notebooks_dir() -> Path:
    """Where the report notebooks are: `claimscope/notebooks/` inside an
    installed package (the build copies the repository's `notebooks/*.ipynb`
    there), else the `notebooks/` folder of the source checkout this module
    runs from (an editable install). Give `notebooks_dir=` / `--notebooks` to
    use others."""
    packaged = Path(__file__).resolve().parent / "notebooks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "notebooks"


# ====================================================================== jobs and failures
@dataclass(frozen=True)
class ReportJob:
    """One notebook to execute and export."""

    kind: str  # overview | incident | source_profile
    key: str  # incident_id, source name, or "" for the overview
    notebook: str  # file name in the notebooks folder
    filename: str  # output path relative to the output folder
    title: str
    parameters: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class ReportFailure:
    """A report that could not be written, with the notebook cell that failed."""

    job: ReportJob
    error: str
    cell: int | None = None

    def __str__(self) -> str:
        where = f"{self.job.notebook}" + (f", cell {self.cell}" if self.cell is not None else "")
        return f"{self.job.filename} ({where}): {self.error}"


# ====================================================================== fresh-kernel execution
# Seconds a fresh kernel may take to answer (papermill's default is 60): on a
# busy two-core machine, several kernels starting at once took longer, and a
# report failed that would have run.
KERNEL_START_TIMEOUT = 180


def execute_notebook(
    notebook: str | os.PathLike[str] | Any,
    *,
    parameters: Mapping[str, Any] | None = None,
    cwd: str | os.PathLike[str] | None = None,
    output_path: str | os.PathLike[str] | None = None,
    timeout: int = 600,
    kernel: WarmKernel | None = None,
) -> Any:
    """Run `notebook` (a path, or a notebook node with `cwd` given) top to
    bottom with papermill and return the executed notebook (also saved to
    `output_path` when given).

    Without `kernel`, in a fresh kernel started in `cwd` (default: the
    notebook's folder), so relative parameter defaults resolve as under
    JupyterLab; with a `WarmKernel`, in that kernel after a namespace reset and
    a change to `cwd`. Unlike papermill's own `cwd` option this never changes
    the calling process's working directory, so several notebooks can run at
    once from threads. Raises papermill's PapermillExecutionError when a cell
    fails."""
    import papermill as pm

    if isinstance(notebook, (str, os.PathLike)):
        path = Path(notebook).resolve()
        source: Any = str(path)
        kernel_cwd = Path(cwd).resolve() if cwd is not None else path.parent
    else:
        if cwd is None:
            raise ValueError("execute_notebook: give cwd= with a notebook node")
        source = notebook  # papermill works on its own copy (it serializes the node and reads it back)
        kernel_cwd = Path(cwd).resolve()
    common: dict[str, Any] = dict(
        parameters=dict(parameters or {}), kernel_name="python3", progress_bar=False, log_output=False,
        request_save_on_cell_execute=False, resources={"metadata": {"path": str(kernel_cwd)}},
        execution_timeout=timeout,
    )
    out = None if output_path is None else str(output_path)
    if kernel is None:
        return pm.execute_notebook(
            source, out, extra_arguments=list(KERNEL_ARGS),
            shutdown_kernel="immediate",  # every output has arrived; no need to wait for a graceful exit
            start_timeout=KERNEL_START_TIMEOUT, **common)
    _register_engine()
    return pm.execute_notebook(source, out, engine_name=ENGINE_NAME, warm_kernel=kernel,
                               kernel_cwd=str(kernel_cwd), **common)


# ====================================================================== export
class PageExporter:
    """Executed notebooks to self-contained HTML pages, with one nbconvert
    exporter (template compiled once) for every page.

    Code and prompts hidden, stderr streams dropped, the `claimscope` template
    (no CDN; the Vega bundle `vega_js` embedded once per page). The bundle is
    passed to the template as a random marker and put in place after
    nbconvert's HTML clean-up (a BeautifulSoup pass over the whole page), which
    would otherwise parse ~0.9 MB of JavaScript per page; script content comes
    out of that pass unchanged, so the page is the same. Not thread-safe: one
    per thread or process."""

    def __init__(self, *, vega_js: str, index_href: str | None = "../index.html") -> None:
        from nbconvert import HTMLExporter

        self.vega_js = vega_js
        self.index_href = index_href
        self._marker = f"/*claimscope-vega-bundle-{uuid.uuid4().hex}*/"
        self._exporter = HTMLExporter(
            template_name="claimscope",
            extra_template_basedirs=[str(TEMPLATES_DIR)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            optimistic_validation=True,  # validate the notebook once, not after every preprocessor
        )

    def export(self, nb: Any, *, title: str) -> str:
        nb = copy.copy(nb)
        nb.metadata = copy.copy(nb.metadata)
        nb.metadata["title"] = title
        cells = []
        for cell in nb.cells:
            if cell.get("cell_type") == "code":
                cell = copy.copy(cell)
                cell["outputs"] = [o for o in cell.get("outputs", [])
                                   if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            cells.append(cell)
        nb.cells = cells
        resources = {"claimscope": {"vega_js": self._marker if self.vega_js else "", "index_href": self.index_href}}
        body, _ = self._exporter.from_notebook_node(nb, resources=resources)
        if self.vega_js:
            head, sep, rest = body.partition(self._marker)
            if not sep:
                raise RuntimeError("the claimscope template did not place the Vega bundle")
            body = head + self.vega_js + rest
        return body


def export_html(nb: Any, *, title: str, vega_js: str | None = None, index_href: str | None = "../index.html") -> str:
    """An executed notebook as one self-contained HTML page (see
    `PageExporter`; the Vega bundle `vega_js` defaults to
    `reports.vega_bundle()`)."""
    if vega_js is None:
        from .reports import vega_bundle

        vega_js = vega_bundle()
    return PageExporter(vega_js=vega_js, index_href=index_href).export(nb, title=title)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to a new file beside `path`, then move it into place: a
    reader never sees half a page. The file gets the usual umask permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "x", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# ====================================================================== warm kernels
class WarmKernel:
    """One ipykernel (`python3`, this interpreter) kept running between
    notebooks, started with `KERNEL_ARGS` in `cwd` and with `TABLE_CACHE_ENV`
    set. Started on first use; use from one thread; `close()` shuts it down."""

    def __init__(self, *, cwd: str | os.PathLike[str], startup_timeout: float = 120) -> None:
        self.cwd = str(Path(cwd).resolve())
        self.startup_timeout = startup_timeout
        self.km: Any = None
        self.kc: Any = None
        self.language_info: dict[str, Any] | None = None  # the kernel's, asked once per kernel
        self.starts = 0  # how many kernels this object has started (restarts after a dead kernel count)

    def ensure_started(self) -> None:
        """Start the kernel unless it runs, and have it import what every
        report notebook imports (while the caller does other work)."""
        if self.km is not None:
            return
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        km = AsyncKernelManager(kernel_name="python3")
        env = dict(os.environ, **{TABLE_CACHE_ENV: "1"})
        run_sync(km.start_kernel)(cwd=self.cwd, env=env, extra_arguments=list(KERNEL_ARGS))
        kc = km.client()
        kc.start_channels()
        try:
            run_sync(kc.wait_for_ready)(timeout=self.startup_timeout)
        except BaseException:
            kc.stop_channels()
            run_sync(km.shutdown_kernel)(now=True)
            raise
        self.km, self.kc = km, kc
        self.starts += 1
        kc.execute("import claimscope.reports", silent=True, store_history=False, stop_on_error=False)

    def close(self) -> None:
        """Shut the kernel down (a later use starts a new one)."""
        from jupyter_core.utils import run_sync

        kc, km, self.kc, self.km = self.kc, self.km, None, None
        self.language_info = None
        if kc is not None:
            try:
                kc.stop_channels()
            except Exception:  # noqa: BLE001 - closing; nothing to report
                pass
        if km is not None:
            try:
                run_sync(km.shutdown_kernel)(now=True)
            except Exception:  # noqa: BLE001
                pass

    def __enter__(self) -> WarmKernel:
        self.ensure_started()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _engine_class() -> type:
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class WarmNotebookClient(PapermillNotebookClient):
        """papermill's client, resetting the warm kernel's namespace first,
        and asking the kernel for its language_info once, not per notebook
        (one request less per page; the answer cannot change)."""

        reset_code = ""
        warm: WarmKernel

        def execute(self, **kwargs: Any) -> Any:  # papermill's execute, with language_info kept
            self.reset_execution_trackers()
            with self.setup_kernel(**kwargs):
                self.papermill_execute_cells()
                if self.warm.language_info is None:
                    reply = self.wait_for_reply(self.kc.kernel_info())
                    self.warm.language_info = reply["content"]["language_info"]
                self.nb.metadata["language_info"] = copy.deepcopy(self.warm.language_info)
                self.set_widgets_metadata()
            return self.nb

        def papermill_execute_cells(self) -> None:
            for _ in range(2):  # a request may be aborted right after a failed cell (stop_on_error): retry once
                reply = self.wait_for_reply(self.kc.execute(self.reset_code, silent=True, store_history=False))
                status = (reply or {}).get("content", {}).get("status")
                if status == "ok":
                    break
            else:
                raise RuntimeError(f"could not reset the report kernel (status {status!r})")
            super().papermill_execute_cells()

    class WarmKernelEngine(NBClientEngine):
        """papermill engine `claimscope_warm`: runs the notebook in the
        `WarmKernel` given as the engine keyword `warm_kernel`, in
        `kernel_cwd`, after resetting its namespace (`RESET_CODE`)."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None,
                                     stderr_file=None, start_timeout=60, execution_timeout=None, *,
                                     warm_kernel: WarmKernel, kernel_cwd: str, **kwargs):
            kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
            final = merge_kwargs(kwargs, timeout=execution_timeout, startup_timeout=start_timeout,
                                 kernel_name=kernel_name, log=logger, log_output=log_output,
                                 stdout_file=stdout_file, stderr_file=stderr_file)
            warm_kernel.ensure_started()
            client = WarmNotebookClient(nb_man, km=warm_kernel.km, **final)
            client.kc = warm_kernel.kc  # the kernel's own client: no new channels per notebook, none left open
            client.reset_code = RESET_CODE.format(cwd=kernel_cwd)
            client.warm = warm_kernel
            return client.execute()

    return WarmKernelEngine


@functools.lru_cache(maxsize=1)
def warm_kernel_engine() -> type:
    """The papermill engine class `claimscope_warm` (registered with papermill
    by `execute_notebook(..., kernel=...)`; built on first use, so importing
    this module does not import papermill)."""
    return _engine_class()


def _register_engine() -> None:
    from papermill.engines import papermill_engines

    papermill_engines.register(ENGINE_NAME, warm_kernel_engine())


# ====================================================================== one page
def _failure(job: ReportJob, exc: BaseException) -> ReportFailure:
    from papermill.exceptions import PapermillExecutionError

    if isinstance(exc, PapermillExecutionError):
        return ReportFailure(job, f"{exc.ename}: {exc.evalue}", exc.exec_count)
    return ReportFailure(job, f"{type(exc).__name__}: {exc}")


def _parameters(job: ReportJob, tables_dir: str | os.PathLike[str]) -> dict[str, Any]:
    return dict(job.parameters, tables=str(Path(tables_dir).resolve()), html_export=True)


@dataclass(frozen=True)
class RenderConfig:
    """What a worker needs to make pages (picklable)."""

    tables_dir: str
    out_dir: str
    notebooks_dir: str
    vega_js: str
    timeout: int = 600


class PageRenderer:
    """Makes pages one after another with one exporter: in one warm kernel
    (what each worker process runs), or with `fresh_kernels` each in a kernel
    of its own (`render_page`). Each notebook file is read once."""

    def __init__(self, config: RenderConfig, *, kernel: WarmKernel | None = None,
                 fresh_kernels: bool = False) -> None:
        if kernel is not None and fresh_kernels:
            raise ValueError("PageRenderer: a warm kernel or fresh kernels, not both")
        self.config = config
        self.nb_dir = Path(config.notebooks_dir).resolve()
        self.kernel: WarmKernel | None = (None if fresh_kernels else
                                          kernel if kernel is not None else WarmKernel(cwd=self.nb_dir))
        self._exporter: PageExporter | None = None
        self._notebooks: dict[str, Any] = {}

    def _notebook(self, name: str) -> Any:
        if name not in self._notebooks:
            import nbformat

            self._notebooks[name] = nbformat.read(self.nb_dir / name, as_version=4)
        return self._notebooks[name]

    def render(self, job: ReportJob) -> Path | ReportFailure:
        """The page of `job` (its notebook run with `tables` and
        `html_export=True` injected, written under the output folder), or a
        ReportFailure with the failing cell and error (never raises for a
        notebook error)."""
        from papermill.exceptions import PapermillExecutionError

        cfg = self.config
        try:
            nb = execute_notebook(self._notebook(job.notebook), parameters=_parameters(job, cfg.tables_dir),
                                  cwd=self.nb_dir, timeout=cfg.timeout, kernel=self.kernel)
        except PapermillExecutionError as exc:  # a cell raised: the kernel is fine, keep it
            return _failure(job, exc)
        except Exception as exc:  # timeout, dead kernel, refused reset, missing notebook: a new kernel next time
            if self.kernel is not None:
                self.kernel.close()
            return _failure(job, exc)
        try:
            if self._exporter is None:
                self._exporter = PageExporter(vega_js=cfg.vega_js)
            page = self._exporter.export(nb, title=job.title)
            target = Path(cfg.out_dir) / job.filename
            write_atomic(target, page)
        except Exception as exc:
            return ReportFailure(job, f"export failed: {type(exc).__name__}: {exc}")
        return target

    def close(self) -> None:
        if self.kernel is not None:
            self.kernel.close()


def render_page(
    job: ReportJob,
    *,
    tables_dir: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    notebooks_dir: str | os.PathLike[str] | None = None,
    vega_js: str | None = None,
    timeout: int = 600,
) -> Path | ReportFailure:
    """The page of `job` made in a fresh kernel started in the notebooks
    folder (`PageRenderer` with `fresh_kernels`; `vega_js` defaults to
    `reports.vega_bundle()`): the path written, or a ReportFailure."""
    if vega_js is None:
        from .reports import vega_bundle

        vega_js = vega_bundle()
    nb_dir = notebooks_dir if notebooks_dir is not None else default_notebooks_dir()
    config = RenderConfig(tables_dir=str(tables_dir), out_dir=str(out_dir), notebooks_dir=str(nb_dir),
                          vega_js=vega_js, timeout=timeout)
    return PageRenderer(config, fresh_kernels=True).render(job)


# ====================================================================== worker processes
def _send(stream: Any, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _recv(stream: Any) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError("closed")
    (size,) = struct.unpack("!Q", head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("closed mid-message")
    return pickle.loads(data)  # noqa: S301 - our own processes, over a private pipe


def _worker_loop(recv: Callable[[], Any], send: Callable[[Any], None], notebooks_dir: str) -> None:
    """Start a warm kernel (at once: it imports while this process does),
    say "ready", take the RenderConfig, then render each job received and
    send back the result; stop on None or when the driver has gone."""
    kernel = WarmKernel(cwd=notebooks_dir)
    renderer: PageRenderer | None = None
    try:
        kernel.ensure_started()
        import nbconvert  # noqa: F401 - while the kernel imports too
        import papermill  # noqa: F401

        send(("ready", None))
        config = recv()
        if config is None:
            return
        renderer = PageRenderer(config, kernel=kernel)
        while True:
            try:
                job = recv()
            except (EOFError, OSError):
                break
            if job is None:
                break
            try:
                result: Path | ReportFailure = renderer.render(job)
            except Exception as exc:  # noqa: BLE001 - a bug here must not lose the other pages
                result = ReportFailure(job, f"{type(exc).__name__}: {exc}")
            send(("done", result))
    except (KeyboardInterrupt, EOFError):
        pass
    except Exception as exc:  # noqa: BLE001 - e.g. the kernel cannot start: tell the driver
        try:
            send(("error", f"{type(exc).__name__}: {exc}"))
        except (OSError, ValueError):
            pass
    finally:
        kernel.close()


def worker_main(argv: Sequence[str]) -> int:
    """Entry point of `python -m claimscope.render --worker NOTEBOOKS_DIR`
    (see `WorkerPool`)."""
    if len(argv) != 2 or argv[0] != "--worker":
        print("usage: python -m claimscope.render --worker NOTEBOOKS_DIR (started by claimscope report)",
              file=sys.stderr)
        return 2
    skip_iri_format_check()
    proto_in = sys.stdin.buffer
    proto_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # prints (ours, libraries', the kernel's) go to stderr
    _worker_loop(lambda: _recv(proto_in), lambda obj: _send(proto_out, obj), argv[1])
    return 0


class _Worker:
    """The driver's handle on one worker process; a thread reads its messages
    into the pool's `events` queue as (worker, kind, payload)."""

    def __init__(self, notebooks_dir: str, events: queue.Queue[tuple[_Worker, str, Any]]) -> None:
        env = dict(os.environ)
        # the worker and its kernel import the same claimscope as this process
        here = str(Path(__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(x for x in (here, env.get("PYTHONPATH", "")) if x)
        self.proc = subprocess.Popen([sys.executable, "-m", "claimscope.render", "--worker", notebooks_dir],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.events = events
        self.job: ReportJob | None = None
        self.ready = False
        self.configured = False
        self._reader = threading.Thread(target=self._read, name="claimscope-report-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        try:
            while True:
                kind, payload = _recv(self.proc.stdout)
                self.events.put((self, kind, payload))
        except Exception:  # noqa: BLE001 - EOF, a broken pipe or a garbled message: the worker is gone
            pass
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
        self.events.put((self, "died", f"worker process exited (status {code})"))

    def send(self, obj: Any) -> bool:
        try:
            _send(self.proc.stdin, obj)
            return True
        except (OSError, ValueError):  # it died: its reader thread reports that
            return False

    def retire(self) -> None:
        self.send(None)
        try:
            self.proc.stdin.close()
        except OSError:
            pass

    def join(self, *, wait: float = 15, kill: bool = False) -> None:
        if kill and self.proc.poll() is None:
            self.proc.terminate()
        try:
            self.proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(5)
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class WorkerPool:
    """`workers` worker processes, each with one warm kernel started in
    `notebooks_dir`. They start booting at once (a worker and its kernel need
    a few seconds of imports), so start the pool before other slow work; then
    `run` the jobs, and `close` (or use `with`).

    A worker is `python -m claimscope.render --worker NOTEBOOKS_DIR`: a new
    interpreter, so the caller's own script is never imported again
    (multiprocessing's spawn would run it, and break scripts without an
    `if __name__ == "__main__"` guard). Driver and worker exchange
    length-prefixed pickles over the worker's stdin and stdout; the worker
    points its own stdout at stderr first, so nothing printed there (by a
    library or the kernel) can get into the exchange."""

    def __init__(self, *, workers: int, notebooks_dir: str | os.PathLike[str]) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.notebooks_dir = str(Path(notebooks_dir).resolve())
        self.events: queue.Queue[tuple[_Worker, str, Any]] = queue.Queue()
        self.workers = [_Worker(self.notebooks_dir, self.events) for _ in range(workers)]
        self._retired: list[_Worker] = []
        self._config: RenderConfig | None = None

    def run(
        self,
        jobs: Sequence[ReportJob],
        config: RenderConfig,
        *,
        on_result: Callable[[ReportJob, Path | ReportFailure], None] | None = None,
    ) -> dict[str, Path | ReportFailure]:
        """Render `jobs`; they go to whichever worker is free, in the order
        given (put slow pages first). Returns job.filename -> written path or
        ReportFailure; `on_result(job, result)` is called as each page is
        done. A worker that dies fails only the page it was making and is
        replaced; a worker that cannot start its kernel is not."""
        todo = list(jobs)[::-1]  # pop() takes the next job
        results: dict[str, Path | ReportFailure] = {}
        pool = self.workers
        replacements = 0
        last_error = ""

        def finish(job: ReportJob, result: Path | ReportFailure) -> None:
            results[job.filename] = result
            if on_result is not None:
                on_result(job, result)

        def configure(w: _Worker) -> None:
            if not w.configured:
                w.configured = w.send(config)

        def give(w: _Worker) -> None:
            w.job = todo.pop() if todo else None
            if w.job is not None:
                w.send(w.job)  # on failure the worker is dead: its "died" event follows

        if self._config is not None and config != self._config:
            raise ValueError("a WorkerPool renders with one configuration; start another pool for another")
        self._config = config
        for w in pool:
            configure(w)  # queued in the pipe; read once the worker is ready
        for w in list(pool):
            if w.ready and w.job is None:  # idle after an earlier run: no "ready" will come again
                give(w)
        while pool and len(results) < len(jobs):
            w, kind, payload = self.events.get()
            if w not in pool:
                continue  # a retired worker's last word
            if kind in ("ready", "done"):
                if kind == "done" and w.job is not None:
                    finish(w.job, payload)
                w.ready = True
                give(w)
                continue
            pool.remove(w)  # died, or could not start its kernel
            self._retired.append(w)
            last_error = str(payload)
            if w.job is not None:
                finish(w.job, ReportFailure(w.job, f"report worker failed: {payload}"))
                w.job = None
            if todo and w.ready and replacements < len(jobs):
                replacements += 1
                fresh = _Worker(self.notebooks_dir, self.events)
                pool.append(fresh)
                configure(fresh)
        for job in reversed(todo):  # no worker left (none could start): say why on every page
            finish(job, ReportFailure(job, f"no report worker could run: {last_error}"))
        return results

    def close(self, *, kill: bool = False) -> None:
        """Stop the workers (and their kernels)."""
        for w in self.workers:
            w.retire()
        for w in self.workers + self._retired:
            w.join(kill=kill)
        self.workers, self._retired = [], []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(kill=exc_type is not None)


if __name__ == "__main__":
    from claimscope.render import worker_main as _main  # the module's own classes, not __main__'s copies

    sys.exit(_main(sys.argv[1:]))
