//! The Python side of the core's values (feature `python`): how the types that carry
//! `#[pyclass]` in the core convert and present themselves in Python, and the fieldless
//! enums, which cross as members of real `enum.Enum` classes. No rule logic here: the
//! binding (`bindings-python/`) holds the handles and delegates to the core; it calls
//! [`add_enums`] and [`set_error_type`] when its module loads.

use std::any::TypeId;
use std::sync::OnceLock;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};
use pyo3_stub_gen::derive::gen_stub_pymethods;
use serde::Serialize;

use crate::{
    AcceptedPassword, AcceptedPin, AccountRef, AdminStep, ChangeKind, E164, Effect, Error,
    ExtensionDigits, Lang, Localized, NumberKind, OneTimeCode, Password, PasswordChanged,
    PasswordContext, Pin, PinChanged, PinContext, PinOrigin, PreviewMode, Reachability, Route,
    RouteRule, Secret, SecretPurpose, SessionStamp, StateError, Strength, StrengthLevel,
    Suggestion, TrivialPinFinding, Warning,
};

/// How the binding raises a core error: its exception classes live in the binding crate,
/// which registers this once when its module loads ([`set_error_type`]).
static ERROR_TYPE: OnceLock<fn(Error) -> PyErr> = OnceLock::new();

/// Registers how a core error becomes a Python exception, so that a bad value refused while
/// converting an argument (an enum member of the wrong class, text that is no E.164 number)
/// raises the same typed exception, with code and both messages, as a refusal from the core.
/// The first registration holds.
pub fn set_error_type(raise: fn(Error) -> PyErr) {
    // A second registration (the module imported again) is the same function.
    let _ = ERROR_TYPE.set(raise);
}

/// A core error as the binding raises it; a `ValueError` with code and English message
/// before the binding registered its classes (never, once its module has loaded).
fn raise(e: Error) -> PyErr {
    match ERROR_TYPE.get() {
        Some(raise) => raise(e),
        None => pyo3::exceptions::PyValueError::new_err(format!(
            "{}: {}",
            e.code(),
            e.message(Lang::En)
        )),
    }
}

/// Values that are checked text cross as that text: extension digits (`"10"`) and E.164
/// numbers in records (`PinContext.phone_number`). Text read back is checked by the core's
/// `parse`; its error is raised as the binding raises every core error ([`set_error_type`]).
macro_rules! as_text {
    ($($name:ident),+) => {$(
        impl<'py> IntoPyObject<'py> for $name {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = std::convert::Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::new(py, self.as_str()))
            }
        }

        impl<'a, 'py> FromPyObject<'a, 'py> for $name {
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                let text: String = obj.extract()?;
                Self::parse(&text).map_err(|e| raise(e.into()))
            }
        }

        pyo3_stub_gen::impl_stub_type!($name = String);
    )+};
}

as_text!(ExtensionDigits, E164);

/// `Name(field=value, …)`, Python's style for a record (as a dataclass prints): each value
/// its own `repr()`, so enums show as members, times as `datetime`s and secrets as
/// `Pin('***')`. The binding's handles use it too, with the fields each may show.
///
/// # Errors
/// When a value's `repr()` raises.
pub fn repr_with<'py>(
    name: &str,
    fields: impl IntoIterator<Item = (String, Bound<'py, PyAny>)>,
) -> PyResult<String> {
    let parts = fields
        .into_iter()
        .map(|(field, value)| Ok(format!("{field}={}", value.repr()?)))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(format!("{name}({})", parts.join(", ")))
}

/// The `repr()` of a core value: its class's qualified name and the named fields, read as
/// Python attributes (a complex enum variant's, `Effect.SyncPin(extension='10',
/// pin=Pin('***'))`, from its `__match_args__`).
pub(crate) fn fields_repr(slf: &Bound<'_, PyAny>, fields: &[&str]) -> PyResult<String> {
    let name = slf.get_type().qualname()?.to_string();
    let fields: Vec<String> = match slf.getattr("__match_args__") {
        Ok(args) => args.extract()?,
        Err(_) => fields.iter().map(|&f| f.to_owned()).collect(),
    };
    let values = fields
        .into_iter()
        .map(|field| Ok((field.clone(), slf.getattr(field.as_str())?)))
        .collect::<PyResult<Vec<_>>>()?;
    repr_with(&name, values)
}

/// `repr()` of core records and outcomes in Python's style, with the fields named here:
/// a list, not every attribute, so that a field added later (a hash) does not show unasked.
macro_rules! record_repr {
    ($($name:ident { $($field:ident),* })+) => {$(
        #[gen_stub_pymethods]
        #[pymethods]
        impl $name {
            fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
                fields_repr(slf.as_any(), &[$(stringify!($field)),*])
            }
        }
    )+};
}

/// The input records build from keywords (`PinContext(extension_digits="10")`); they are
/// frozen, so a field is never changed on a copy by mistake (`ctx.names` is a new list on
/// every read: build a new context instead).
#[gen_stub_pymethods]
#[pymethods]
impl PinContext {
    #[new]
    #[pyo3(signature = (*, extension_digits = None, names = Vec::new(), phone_number = None))]
    fn py_new(
        extension_digits: Option<String>,
        names: Vec<String>,
        phone_number: Option<E164>,
    ) -> Self {
        Self {
            extension_digits,
            names,
            phone_number,
        }
    }
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        fields_repr(slf.as_any(), &["extension_digits", "names", "phone_number"])
    }
}

#[gen_stub_pymethods]
#[pymethods]
impl PasswordContext {
    #[new]
    #[pyo3(signature = (*, head_number = None, company_name = None, admin_email = None, second_factor = false))]
    fn py_new(
        head_number: Option<String>,
        company_name: Option<String>,
        admin_email: Option<String>,
        second_factor: bool,
    ) -> Self {
        Self {
            head_number,
            company_name,
            admin_email,
            second_factor,
        }
    }
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        fields_repr(
            slf.as_any(),
            &[
                "head_number",
                "company_name",
                "admin_email",
                "second_factor",
            ],
        )
    }
}

/// Whose credential changed, as text: `"admin"`, or the extension's digits (`"10"`). A
/// complex pyclass enum cannot hold the unit variant `Admin`, and digits are never `admin`.
impl<'py> IntoPyObject<'py> for AccountRef {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyString::new(
            py,
            match &self {
                Self::Admin => "admin",
                Self::Extension(digits) => digits.as_str(),
            },
        ))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for AccountRef {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        if obj.extract::<&str>().is_ok_and(|t| t == "admin") {
            return Ok(Self::Admin);
        }
        Ok(Self::Extension(obj.extract()?))
    }
}

pyo3_stub_gen::impl_stub_type!(AccountRef = String);

/// The Python face of a secret (G3): `repr` shows `Pin('***')`, `str` shows `***`, pickling
/// is refused, and the
/// text comes only from `expose()`. `==` is the core's constant-time comparison (`eq`).
macro_rules! secret_methods {
    ($name:ident) => {
        #[gen_stub_pymethods]
        #[pymethods]
        impl $name {
            /// The plaintext, for hashing or handing out once. Python cannot wipe the `str`:
            /// keep it short-lived.
            #[pyo3(name = "expose")]
            fn py_expose(&self) -> &str {
                self.expose()
            }
            /// Constant-time comparison with typed text.
            #[pyo3(name = "matches")]
            fn py_matches(&self, typed: &str) -> bool {
                self.matches(typed)
            }
            fn __repr__(&self) -> String {
                concat!(stringify!($name), "('***')").to_owned()
            }
            fn __str__(&self) -> String {
                self.to_string()
            }
            /// Refused: pickling would write the plaintext where it does not belong.
            #[gen_stub(skip)]
            fn __reduce__(&self) -> PyResult<()> {
                Err(pyo3::exceptions::PyTypeError::new_err(concat!(
                    stringify!($name),
                    " cannot be pickled"
                )))
            }
        }
    };
}

secret_methods!(Pin);
secret_methods!(Password);
secret_methods!(OneTimeCode);

/// A fieldless enum of the core as a Python `enum.Enum` (see [`py_enums!`]).
trait PyEnum: Copy + PartialEq + Serialize + 'static {
    /// The class name in Python, the Rust name.
    const NAME: &'static str;
    /// Every variant, in declaration order (checked when it compiles).
    const ALL: &'static [Self];
    /// Whether the members compare by rank, their declaration order (`<`, `>=`, …), as the
    /// Rust enum does (`Ord`): the meter's levels, from red to green.
    const ORDERED: bool;
    /// The class, made on first use.
    fn class_cell() -> &'static PyOnceLock<EnumClass>;
}

/// One enum's Python class and its members, in the order of [`PyEnum::ALL`].
struct EnumClass {
    class: Py<PyType>,
    members: Vec<Py<PyAny>>,
}

/// A variant's stable code: its value in the core's JSON (`"light_green"`), the same in
/// every language. The enums serialise as plain strings; `Debug` only if one ever did not.
fn code_of<T: PyEnum + std::fmt::Debug>(variant: T) -> String {
    match serde_json::to_value(variant) {
        Ok(serde_json::Value::String(code)) => code,
        _ => format!("{variant:?}"),
    }
}

/// `(name, value)` of each member: the value is the code, the name the code in upper case
/// (`("LIGHT_GREEN", "light_green")`), as pyo3's enums spelled their members before.
fn members_of<T: PyEnum + std::fmt::Debug>() -> Vec<(String, String)> {
    T::ALL
        .iter()
        .map(|&variant| {
            let code = code_of(variant);
            (code.to_ascii_uppercase(), code)
        })
        .collect()
}

/// The class of `T`, made once per process with `enum`'s functional API:
/// `enum.Enum("StrengthLevel", [("RED", "red"), …], module="pbx_rules")`, plus `.code`, the
/// same as `.value` (the name pyo3's enums had for it), and the Rust doc as `__doc__`.
fn enum_class<T: PyEnum + std::fmt::Debug>(py: Python<'_>) -> PyResult<&'static EnumClass> {
    T::class_cell().get_or_try_init(py, || {
        let kwargs = PyDict::new(py);
        kwargs.set_item("module", "pbx_rules")?;
        kwargs.set_item("qualname", T::NAME)?;
        let class = py
            .import("enum")?
            .getattr("Enum")?
            .call((T::NAME, members_of::<T>()), Some(&kwargs))?
            .cast_into::<PyType>()?;
        let value = py
            .import("operator")?
            .getattr("attrgetter")?
            .call1(("value",))?;
        let code = py.import("builtins")?.getattr("property")?.call1((
            value,
            py.None(),
            py.None(),
            CODE_DOC,
        ))?;
        class.setattr("code", code)?;
        if let Some(doc) = rust_doc::<T>() {
            class.setattr("__doc__", doc)?;
        }
        if T::ORDERED {
            order_by_rank(&class)?;
        }
        let members = members_of::<T>()
            .into_iter()
            .map(|(name, _)| class.getattr(name.as_str()).map(Bound::unbind))
            .collect::<PyResult<_>>()?;
        Ok(EnumClass {
            class: class.unbind(),
            members,
        })
    })
}

/// The comparisons of an ordered enum (see [`PyEnum::ORDERED`]): members of the same class
/// compare by their position in the class, which is the Rust declaration order; anything
/// else is `NotImplemented`, so Python raises `TypeError` as it does for unordered enums.
const ORDERING: &std::ffi::CStr = cr#"
import operator

def _by_rank(compare):
    def method(self, other):
        if type(other) is not type(self):
            return NotImplemented
        names = type(self)._member_names_
        return compare(names.index(self._name_), names.index(other._name_))
    method.__name__ = compare.__name__
    return method

__lt__ = _by_rank(operator.lt)
__le__ = _by_rank(operator.le)
__gt__ = _by_rank(operator.gt)
__ge__ = _by_rank(operator.ge)
"#;

/// Gives `class` the four comparisons by rank.
fn order_by_rank(class: &Bound<'_, PyType>) -> PyResult<()> {
    let code = PyModule::from_code(
        class.py(),
        ORDERING,
        c"pbx_rules_ordering.py",
        c"pbx_rules_ordering",
    )?;
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        class.setattr(name, code.getattr(name)?)?;
    }
    Ok(())
}

/// The stub's comparisons of an ordered enum: `def __lt__(self, other: Level) -> bool`, ….
macro_rules! order_methods {
    ($name:ident) => {{
        const OTHER: &[pyo3_stub_gen::type_info::ParameterInfo] =
            &[pyo3_stub_gen::type_info::ParameterInfo {
                name: "other",
                kind: pyo3_stub_gen::type_info::ParameterKind::PositionalOrKeyword,
                type_info: <$name as pyo3_stub_gen::PyStubType>::type_output,
                default: pyo3_stub_gen::type_info::ParameterDefault::None,
            }];
        const fn compare(name: &'static str) -> pyo3_stub_gen::type_info::MethodInfo {
            pyo3_stub_gen::type_info::MethodInfo {
                name,
                parameters: OTHER,
                r#return: <bool as pyo3_stub_gen::PyStubType>::type_output,
                doc: "Compares by rank, the declaration order (weakest first).",
                r#type: pyo3_stub_gen::type_info::MethodType::Instance,
                is_async: false,
                deprecated: None,
                type_ignored: None,
                is_overload: false,
            }
        }
        const METHODS: &[pyo3_stub_gen::type_info::MethodInfo] = &[
            compare("__lt__"),
            compare("__le__"),
            compare("__gt__"),
            compare("__ge__"),
        ];
        if <$name as PyEnum>::ORDERED {
            METHODS
        } else {
            &[]
        }
    }};
}

/// The doc of the `.code` property, in the stub and at run time.
const CODE_DOC: &str =
    "The value as the core's JSON spells it, the same in every language: `.value`.";

/// The enum's Rust doc, which pyo3-stub-gen records for the stub, for `help()`.
fn rust_doc<T: 'static>() -> Option<String> {
    pyo3_stub_gen::inventory::iter::<pyo3_stub_gen::type_info::PyEnumInfo>
        .into_iter()
        .find(|info| (info.enum_id)() == TypeId::of::<T>())
        .map(|info| info.doc.trim().to_owned())
        .filter(|doc| !doc.is_empty())
}

/// The member of `variant`.
fn to_member<T: PyEnum + std::fmt::Debug>(
    py: Python<'_>,
    variant: T,
) -> PyResult<Bound<'_, PyAny>> {
    let class = enum_class::<T>(py)?;
    T::ALL
        .iter()
        .position(|v| *v == variant)
        .and_then(|i| class.members.get(i))
        .map(|member| member.bind(py).clone())
        .ok_or_else(|| raise(StateError::UnknownValue { of: T::NAME }.into()))
}

/// The variant of a member of `T`'s class. Members are singletons, so this is by identity:
/// a member of another enum is refused even where its value is the same text
/// (`RouteRule.REACHABLE` and `Reachability.REACHABLE` are both `"reachable"`), and so is
/// the bare text, which the type checker would refuse too.
fn from_member<T: PyEnum + std::fmt::Debug>(obj: &Bound<'_, PyAny>) -> PyResult<T> {
    let class = enum_class::<T>(obj.py())?;
    class
        .members
        .iter()
        .position(|member| member.bind(obj.py()).is(obj))
        .and_then(|i| T::ALL.get(i).copied())
        .ok_or_else(|| raise(StateError::UnknownValue { of: T::NAME }.into()))
}

/// The fieldless enums that cross into Python, each with its variants in declaration order.
/// The list is checked when it compiles: a `match` on it must be exhaustive, and each
/// variant's position must be its discriminant, so it is exactly the declaration. Per enum:
/// `IntoPyObject` (the member), `FromPyObject` (a member of this class, else `StateError`
/// `STATE_UNKNOWN_VALUE`), the stub type, its `.code` property and `_value_: str` (so that
/// mypy types `.value` as `str`), and for an enum marked `: ordered` the comparisons by rank
/// (at run time and in the stub); then [`add_enums`] and
/// [`enum_members`] over all of them.
macro_rules! py_enums {
    (@ordered ordered) => { true };
    (@ordered) => { false };
    ($($name:ident $(: $ordered:ident)? { $($variant:ident),+ $(,)? })+) => {
        $(
            const _: () = {
                // Fails to compile when a variant is missing from the list.
                #[allow(dead_code)]
                fn exhaustive(variant: $name) {
                    match variant { $($name::$variant => (),)+ }
                }
                // Fails to compile when the list is out of order or names one twice.
                let all = <$name as PyEnum>::ALL;
                let mut i = 0;
                while i < all.len() {
                    assert!(all[i] as usize == i, "variants out of declaration order");
                    i += 1;
                }
            };

            impl PyEnum for $name {
                const NAME: &'static str = stringify!($name);
                const ALL: &'static [Self] = &[$(Self::$variant),+];
                const ORDERED: bool = py_enums!(@ordered $($ordered)?);
                fn class_cell() -> &'static PyOnceLock<EnumClass> {
                    static CLASS: PyOnceLock<EnumClass> = PyOnceLock::new();
                    &CLASS
                }
            }

            impl<'py> IntoPyObject<'py> for $name {
                type Target = PyAny;
                type Output = Bound<'py, PyAny>;
                type Error = PyErr;

                fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                    to_member(py, self)
                }
            }

            impl<'py> IntoPyObject<'py> for &$name {
                type Target = PyAny;
                type Output = Bound<'py, PyAny>;
                type Error = PyErr;

                fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
                    to_member(py, *self)
                }
            }

            impl<'a, 'py> FromPyObject<'a, 'py> for $name {
                type Error = PyErr;

                fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                    from_member(&obj)
                }
            }

            impl pyo3_stub_gen::PyStubType for $name {
                fn type_output() -> pyo3_stub_gen::TypeInfo {
                    pyo3_stub_gen::TypeInfo::locally_defined(stringify!($name), "pbx_rules".into())
                }
            }

            pyo3_stub_gen::inventory::submit! {
                pyo3_stub_gen::type_info::PyMethodsInfo {
                    struct_id: TypeId::of::<$name>,
                    // Typed for mypy, which makes `.value` a `str` from it.
                    attrs: &[pyo3_stub_gen::type_info::MemberInfo {
                        name: "_value_",
                        r#type: <String as pyo3_stub_gen::PyStubType>::type_output,
                        doc: "",
                        default: None,
                        deprecated: None,
                    }],
                    getters: &[pyo3_stub_gen::type_info::MemberInfo {
                        name: "code",
                        r#type: <String as pyo3_stub_gen::PyStubType>::type_output,
                        doc: CODE_DOC,
                        default: None,
                        deprecated: None,
                    }],
                    setters: &[],
                    methods: order_methods!($name),
                    file: file!(),
                    line: line!(),
                    column: column!(),
                }
            }
        )+

        /// Adds every enum class to the module (`pbx_rules.NumberKind`, …), so that the
        /// members the library returns are the ones the module offers.
        ///
        /// # Errors
        /// When Python cannot make a class (out of memory).
        pub fn add_enums(module: &Bound<'_, PyModule>) -> PyResult<()> {
            $(module.add(stringify!($name), enum_class::<$name>(module.py())?.class.bind(module.py()))?;)+
            Ok(())
        }

        /// The members `(name, value)` of the enum with this `TypeId`, in declaration order,
        /// for the stub generator, which names the members as the module does; `None` for
        /// any other type.
        #[must_use]
        pub fn enum_members(id: TypeId) -> Option<Vec<(String, String)>> {
            $(if id == TypeId::of::<$name>() {
                return Some(members_of::<$name>());
            })+
            None
        }
    };
}

py_enums! {
    AdminStep { SecondFactor, PrivacyNotice, DefaultPins, MainMenu }
    ChangeKind { ChangedByOwner, SetByAdmin, Reset }
    Lang { De, En }
    NumberKind {
        FixedLine, Mobile, FixedLineOrMobile, TollFree, PremiumRate, SharedCost, Voip,
        PersonalNumber, Pager, Uan, Voicemail, Unknown,
    }
    PinOrigin { Initial, Admin, Reset, User }
    PreviewMode { Standard, Preview }
    Reachability { Reachable, Unreachable }
    RouteRule { Reachable, IndividualBackup, CentralBackup }
    SecretPurpose { PasswordReset, PinReset, ExtendedRightsCode }
    StrengthLevel: ordered { Red, Orange, Yellow, LightGreen, Green }
    Suggestion {
        UseAFewWords, NoNeedForSymbols, AddAnotherWord, CapitalizationDoesntHelp, AllUppercase,
        ReversedWords, PredictableSubstitutions, LongerKeyboardPattern, AvoidRepeats,
        AvoidSequences, AvoidRecentYears, AvoidAssociatedYears, AvoidAssociatedDates,
    }
    TrivialPinFinding {
        SameDigitRun, FewDistinctDigits, Sequence, RepeatedGroup, KeypadLine, ExtensionDigits,
        PhoneNumber, NameOnKeypad, Year, Date,
    }
    Warning {
        StraightRowsOfKeys, ShortKeyboardPatterns, RepeatsLikeAaa, RepeatsLikeAbcAbc,
        Top10Password, Top100Password, CommonPassword, SimilarToCommonPassword,
        SequencesLikeAbc, RecentYears, WordByItself, Dates, NamesByThemselves, CommonNames,
        CommonGermanWord, ContextWord,
    }
}

record_repr! {
    AcceptedPin { pin, warnings }
    AcceptedPassword { password, strength }
    PasswordChanged { effective_at, strength }
    Route { extension, reroute_to, rule }
    PinChanged { completes_login, warnings, session }
    SessionStamp { account, epoch, opened_at, last_seen_at }
}

/// The meter's texts in a language, and its codes as text (`"top10_password"`).
#[gen_stub_pymethods]
#[pymethods]
impl Strength {
    /// The level's colour name in `lang` (`"gelb"`).
    #[pyo3(signature = (lang = Lang::En))]
    fn level_name(&self, lang: Lang) -> &'static str {
        self.level.name(lang)
    }
    /// The warning in `lang`, if any.
    #[pyo3(name = "warning_text", signature = (lang = Lang::En))]
    fn py_warning_text(&self, lang: Lang) -> Option<&'static str> {
        self.warning_text(lang)
    }
    /// The suggestions in `lang`.
    #[pyo3(name = "suggestion_texts", signature = (lang = Lang::En))]
    fn py_suggestion_texts(&self, lang: Lang) -> Vec<&'static str> {
        self.suggestion_texts(lang)
    }
    /// The warning's stable code (`"top10_password"`), if any.
    #[getter(warning_code)]
    fn py_warning_code(&self) -> Option<&'static str> {
        self.warning_code()
    }
    /// The suggestions' stable codes (`"add_another_word"`).
    #[getter(suggestion_codes)]
    fn py_suggestion_codes(&self) -> Vec<&'static str> {
        self.suggestion_codes()
    }
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        fields_repr(
            slf.as_any(),
            &["level", "score", "guesses_log10", "warning", "suggestions"],
        )
    }
}

#[gen_stub_pymethods]
#[pymethods]
impl Secret {
    /// The plaintext, for the mail and nothing else.
    #[pyo3(name = "expose")]
    fn py_expose(&self) -> &str {
        self.expose()
    }
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        fields_repr(slf.as_any(), &[])
    }
}

#[gen_stub_pymethods]
#[pymethods]
impl Effect {
    /// The effect in Python's style, every secret as `Pin('***')`
    /// (`Effect.SyncPin(extension='10', pin=Pin('***'))`).
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        fields_repr(slf.as_any(), &[])
    }
}
