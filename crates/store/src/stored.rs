//! Typed columns for the domain's closed sets. A column holds the value's `as_str` form, exactly
//! as before; reading a row parses it once, at the entity boundary. A stored string that does not
//! parse is data corruption (not user input): the read fails with a database error
//! (`DbErr::Type`, "corrupt value …"), never a silent default.

use sea_orm::sea_query::{ArrayType, ColumnType, Nullable, StringLen, ValueType, ValueTypeErr};
use sea_orm::{ColIdx, DbErr, QueryResult, TryGetError, TryGetable, Value};

/// A closed set stored as text.
pub trait StoredEnum: Copy + Sized + 'static {
    fn from_stored(s: &str) -> Option<Self>;
    fn to_stored(self) -> &'static str;
}

macro_rules! stored_enums {
    ($($t:ty),+ $(,)?) => {
        $(impl StoredEnum for $t {
            fn from_stored(s: &str) -> Option<Self> {
                <$t>::parse(s).ok()
            }
            fn to_stored(self) -> &'static str {
                self.as_str()
            }
        })+
    };
}

/// For the closed sets of features that keep them in modules of their own.
pub(crate) use stored_enums;

use brygga_domain::journey::CheckpointKind;
use brygga_domain::model::{
    AgreementKind, AgreementStatus, Compensation, DrivingLicence, EducationLevel,
    EligibilityStatus, InterestStatus, InterviewOutcome, JobStatus, OrgKind, PlacementStatus,
    ProposalStatus, Role, Sector, TrainingStatus,
};
use brygga_domain::values::{Cefr, Gender, SfiCourse};

stored_enums!(
    AgreementKind,
    AgreementStatus,
    Cefr,
    CheckpointKind,
    Compensation,
    DrivingLicence,
    EducationLevel,
    EligibilityStatus,
    Gender,
    InterestStatus,
    InterviewOutcome,
    JobStatus,
    OrgKind,
    PlacementStatus,
    ProposalStatus,
    Role,
    Sector,
    SfiCourse,
    TrainingStatus,
);

/// A column of `T`, stored as `T`'s string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stored<T>(pub T);

impl<T: StoredEnum> Stored<T> {
    pub(crate) fn get(self) -> T {
        self.0
    }
}

impl<T: StoredEnum> serde::Serialize for Stored<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.to_stored())
    }
}

impl<T: StoredEnum> From<T> for Stored<T> {
    fn from(v: T) -> Self {
        Stored(v)
    }
}

impl<T: StoredEnum> From<Stored<T>> for Value {
    fn from(v: Stored<T>) -> Value {
        Value::String(Some(v.0.to_stored().to_string()))
    }
}

/// The error a read returns for a stored string that is not one of the set's values.
pub(crate) fn corrupt(what: impl std::fmt::Debug, value: &str) -> DbErr {
    DbErr::Type(format!(
        "corrupt value {value:?} in column {what:?}: not one of its stored values"
    ))
}

impl<T: StoredEnum> TryGetable for Stored<T> {
    fn try_get_by<I: ColIdx>(res: &QueryResult, idx: I) -> Result<Self, TryGetError> {
        let s = String::try_get_by(res, idx)?;
        T::from_stored(&s)
            .map(Stored)
            .ok_or_else(|| TryGetError::DbErr(corrupt(idx, &s)))
    }
}

impl<T: StoredEnum> ValueType for Stored<T> {
    fn try_from(v: Value) -> Result<Self, ValueTypeErr> {
        match v {
            Value::String(Some(s)) => T::from_stored(&s).map(Stored).ok_or(ValueTypeErr),
            _ => Err(ValueTypeErr),
        }
    }

    fn type_name() -> String {
        std::any::type_name::<T>().to_string()
    }

    fn array_type() -> ArrayType {
        ArrayType::String
    }

    fn column_type() -> ColumnType {
        ColumnType::String(StringLen::None)
    }
}

impl<T: StoredEnum> Nullable for Stored<T> {
    fn null() -> Value {
        Value::String(None)
    }
}

impl<T: StoredEnum> sea_orm::IntoActiveValue<Stored<T>> for Stored<T> {
    fn into_active_value(self) -> sea_orm::ActiveValue<Stored<T>> {
        sea_orm::ActiveValue::Set(self)
    }
}

impl StoredEnum for crate::matching::RuleKind {
    fn from_stored(s: &str) -> Option<Self> {
        crate::matching::RuleKind::parse(s)
    }
    fn to_stored(self) -> &'static str {
        self.as_str()
    }
}
