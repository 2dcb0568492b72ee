//! Writes `python/pbx_rules/__init__.pyi` from the module's stub information.
//!
//! pyo3-stub-gen collects every `#[pyclass]`, method and function of the core (feature
//! `python`) and of this binding. The package `pbx_rules` re-exports the compiled module, so
//! the stub is the package's `__init__.pyi`. pyo3-stub-gen has no generic classes, so this
//! program declares the type variables and makes `Decision` generic in them (`S`, `T`);
//! the methods that return a decision name their state and outcome types.
//! `--check` compares instead of writing and fails when the committed stub is stale.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut info = pbx_rules_py::stub_info()?;
    let module = info
        .modules
        .get_mut("pbx_rules")
        .ok_or("no stub information for the module pbx_rules")?;
    enum_member_names(module)?;
    let text = generic_decision(&module.to_string());
    let dest = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/pbx_rules/__init__.pyi");
    if std::env::args().any(|a| a == "--check") {
        let committed = std::fs::read_to_string(&dest).unwrap_or_default();
        if committed != text {
            return Err(format!(
                "{} is stale: run bindings-python/stubs.sh and commit it",
                dest.display()
            )
            .into());
        }
        return Ok(());
    }
    std::fs::write(&dest, text)?;
    Ok(())
}

/// The core's fieldless enums are `enum.Enum` classes made at run time, not pyo3 classes,
/// so pyo3-stub-gen knows their variants by their Rust names (`LightGreen`) only. This puts
/// in the names the module gives its members (`LIGHT_GREEN`), keeping each variant's doc;
/// both lists are in declaration order, and a different count is an error.
fn enum_member_names(
    module: &mut pyo3_stub_gen::generate::Module,
) -> Result<(), Box<dyn std::error::Error>> {
    for (id, def) in &mut module.enum_ {
        let members = pbx_rules::python::enum_members(*id)
            .ok_or_else(|| format!("{} is not one of the core's Python enums", def.name))?;
        if members.len() != def.variants.len() {
            return Err(format!("{}: the variants and the members differ", def.name).into());
        }
        let renamed: Vec<(&'static str, &'static str)> = members
            .into_iter()
            .zip(def.variants)
            .map(|((name, _), (_, doc))| (&*Box::leak(name.into_boxed_str()), *doc))
            .collect();
        def.variants = Box::leak(renamed.into_boxed_slice());
    }
    Ok(())
}

/// The stub with `S` and `T` declared, `class Decision` generic in them, and the exception
/// classes deriving from each other by name (pyo3-stub-gen writes every exception base as a
/// builtin: `class HashError(builtins.PbxRulesError)`).
fn generic_decision(stub: &str) -> String {
    let stub = stub
        .lines()
        .map(|line| match line.strip_prefix("class ") {
            Some(rest)
                if rest.contains("(builtins.") && !rest.contains("(builtins.ValueError)") =>
            {
                format!("class {}", rest.replacen("(builtins.", "(", 1))
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    let vars = "S = typing.TypeVar(\"S\")\nT = typing.TypeVar(\"T\")\n\n";
    let stub = stub.replacen(
        "class Decision:",
        "class Decision(typing.Generic[S, T]):",
        1,
    );
    // After `__all__`, before the first class.
    match stub.find("\n]\n") {
        Some(at) => format!("{}\n{vars}{}", &stub[..at + 3], &stub[at + 3..]),
        None => stub,
    }
}
