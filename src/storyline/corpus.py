"""The bundled sample corpus: the two seed articles with their manifest, and FA-KES."""

from __future__ import annotations

from pathlib import Path

import storyline


def sample_folder() -> Path | None:
    """The ``data/sample`` folder of a source checkout, or None when it is not there."""
    folder = Path(storyline.__file__).resolve().parents[2] / "data" / "sample"
    return folder if folder.is_dir() else None


def sample_inputs() -> tuple[list[str], str | None]:
    """Inputs and manifest for a build of the bundled corpus."""
    folder = sample_folder()
    if folder is None:
        raise FileNotFoundError(
            "no input given and the bundled corpus (data/sample) is not available: "
            "give INPUT files or folders, or run from a source checkout"
        )
    manifest = folder / "seeds" / "manifest.jsonl"
    inputs = [str(p) for p in sorted((folder / "seeds").glob("*.txt"))]
    inputs += [str(p) for p in sorted((folder / "fakes").glob("*.csv"))]
    return inputs, str(manifest) if manifest.exists() else None
