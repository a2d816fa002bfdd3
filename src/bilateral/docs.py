"""Reference pages generated from the code itself, so the docs cannot drift from it."""

from __future__ import annotations

import json

import typer.main

from bilateral.cli import app
from bilateral.kb.package import default_package
from bilateral.model.codebooks import codebook_dir
from bilateral.problems import CATALOGUE


def cli_reference() -> str:
    """docs/cli.md: the --help text of every command."""
    command = typer.main.get_command(app)
    lines = ["# Command-line reference", "",
             "Generated from `bilateral COMMAND --help`; do not edit by hand.", "",
             "Exit codes: `0` success; `1` the command ran and found a problem (an invalid "
             "package, a name that resolves to nothing); `2` a usage error (a bad option or "
             "value).", ""]
    with command.context_class(command, info_name="bilateral", terminal_width=100) as ctx:
        lines += ["## bilateral", "", "```", command.get_help(ctx), "```", ""]
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            with sub.context_class(sub, info_name=name, parent=ctx,
                                   terminal_width=100) as sub_ctx:
                lines += [f"## bilateral {name}", "", "```", sub.get_help(sub_ctx), "```", ""]
    return "\n".join(lines)


def problem_catalogue() -> str:
    """docs/problems.md: every problem slug the validator can report."""
    lines = ["# Validation problems", "",
             "Generated from `bilateral.problems.CATALOGUE`; do not edit by hand.", "",
             "`bilateral validate` prints each problem as `path:row:column: slug: message`, where "
             "row is the CSV line and column the 1-based column. Errors make the package "
             "invalid (exit 1); warnings are reported but allowed.", "",
             "| slug | severity | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{slug}` | {severity} | {title} |"
              for slug, (title, severity) in sorted(CATALOGUE.items())]
    return "\n".join(lines) + "\n"


def _schema_page(title: str, intro: str, descriptor_path) -> list[str]:
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    lines = [f"# {title}", "", "Generated from `datapackage.json`; do not edit by hand.", "",
             intro, ""]
    for resource in descriptor["resources"]:
        schema = resource["schema"]
        lines += [f"## `{resource['path']}` — {resource.get('title', resource['name'])}", "",
                  resource.get("description", ""), ""]
        for source in resource.get("sources", []):
            lines.append(f"- Source: [{source['title']}]({source['path']})")
        for licence in resource.get("licenses", []):
            lines.append(f"- Licence: {licence['name']}")
        keys = ", ".join(f"`{k}`" for k in schema.get("primaryKey", []))
        lines += [f"- Primary key: {keys}"] if keys else []
        for fk in schema.get("foreignKeys", []):
            ref = fk["reference"]
            lines.append(f"- `{', '.join(fk['fields'])}` → `{ref['resource']}."
                         f"{', '.join(ref['fields'])}`")
        lines += ["", "| field | type | required | allowed | meaning |",
                  "| --- | --- | --- | --- | --- |"]
        for field in schema["fields"]:
            c = field.get("constraints", {})
            allowed = ", ".join(str(v) for v in c["enum"]) if "enum" in c else \
                (f"pattern `{c['pattern']}`" if "pattern" in c else "")
            if "minimum" in c or "maximum" in c:
                allowed = f"{c.get('minimum', '')} to {c.get('maximum', '')}"
            lines.append(f"| `{field['name']}` | {field['type']} | "
                         f"{'yes' if c.get('required') else ''} | {allowed} | "
                         f"{field.get('description', '')} |")
        lines.append("")
    return lines


def kb_codebook() -> str:
    """docs/knowledge-base.md: every table and field of the knowledge-base package."""
    return "\n".join(_schema_page(
        "Knowledge-base format",
        "The knowledge base is a [Frictionless](https://frictionlessdata.io/) tabular data "
        "package: one CSV per table (UTF-8, comma-separated, header row), described with Table "
        "Schemas. Lists inside a cell (`source_ids`, `pillars`, `agreement_ids`, "
        "`infrastructure_ids`) are separated by `;`.",
        default_package() / "datapackage.json"))


def codebooks_page() -> str:
    """docs/codebooks.md: the shipped codebooks with provenance and licence."""
    return "\n".join(_schema_page(
        "Codebooks",
        "Shipped with bilateral and rebuilt from their upstream files by "
        "`data-raw/make_codebooks.py`. Each table names its sources and licence.",
        codebook_dir() / "datapackage.json"))


PAGES = {"cli.md": cli_reference, "problems.md": problem_catalogue,
         "knowledge-base.md": kb_codebook, "codebooks.md": codebooks_page}
