//! Values bound to a statement's `?N` parameters, in engine-neutral form:
//! each engine turns a [`ValueRef`] (the same borrowed value a row gives)
//! into its own wire value without copying. Booleans travel as 0 and 1.

use super::ValueRef;

/// A value that can be bound to a parameter.
pub trait ToParam {
    fn param(&self) -> ValueRef<'_>;
}

/// An owned parameter, for lists built at run time (dynamic filters,
/// updates of the fields that changed).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl ToParam for Value {
    fn param(&self) -> ValueRef<'_> {
        match self {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s),
            Value::Blob(b) => ValueRef::Blob(b),
        }
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Integer(i)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Integer(i64::from(b))
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Real(f)
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

macro_rules! integer_params {
    ($($t:ty),*) => {$(
        impl ToParam for $t {
            fn param(&self) -> ValueRef<'_> {
                ValueRef::Integer(i64::from(*self))
            }
        }
    )*};
}
integer_params!(i64, i32, u32, u16, u8, bool);

/// Counts and sizes beyond `i64::MAX` cannot occur; they are bound as the
/// largest integer rather than wrapping to a negative one.
macro_rules! wide_integer_params {
    ($($t:ty),*) => {$(
        impl ToParam for $t {
            fn param(&self) -> ValueRef<'_> {
                ValueRef::Integer(i64::try_from(*self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
wide_integer_params!(u64, usize);

impl ToParam for f64 {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Real(*self)
    }
}

impl ToParam for str {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Text(self)
    }
}

impl ToParam for String {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Text(self)
    }
}

impl ToParam for [u8] {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Blob(self)
    }
}

impl ToParam for Vec<u8> {
    fn param(&self) -> ValueRef<'_> {
        ValueRef::Blob(self)
    }
}

impl<T: ToParam + ?Sized> ToParam for &T {
    fn param(&self) -> ValueRef<'_> {
        (**self).param()
    }
}

impl<T: ToParam> ToParam for Option<T> {
    fn param(&self) -> ValueRef<'_> {
        self.as_ref().map_or(ValueRef::Null, ToParam::param)
    }
}

/// The parameters of one statement, `?1` first.
pub trait Params {
    fn count(&self) -> usize;
    fn at(&self, index: usize) -> ValueRef<'_>;
}

impl<T: ToParam, const N: usize> Params for [T; N] {
    fn count(&self) -> usize {
        N
    }
    fn at(&self, index: usize) -> ValueRef<'_> {
        self[index].param()
    }
}

impl<T: ToParam> Params for [T] {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, index: usize) -> ValueRef<'_> {
        self[index].param()
    }
}

impl<T: ToParam> Params for Vec<T> {
    fn count(&self) -> usize {
        self.len()
    }
    fn at(&self, index: usize) -> ValueRef<'_> {
        self[index].param()
    }
}

impl<P: Params + ?Sized> Params for &P {
    fn count(&self) -> usize {
        (**self).count()
    }
    fn at(&self, index: usize) -> ValueRef<'_> {
        (**self).at(index)
    }
}

/// `params![a, b, c]`: parameters of different types for one statement.
macro_rules! params {
    () => {
        [] as [&dyn $crate::store::sql::ToParam; 0]
    };
    ($($value:expr),+ $(,)?) => {
        [$(&$value as &dyn $crate::store::sql::ToParam),+]
    };
}
pub(crate) use params;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_value_binds_as_its_engine_neutral_form() {
        let text = String::from("工单");
        let none: Option<i64> = None;
        let list = params![
            7_i64,
            true,
            2.5,
            "a",
            text,
            none,
            Some(3_u32),
            usize::MAX,
            vec![1_u8, 2]
        ];
        let got: Vec<ValueRef> = (0..list.count()).map(|i| list.at(i)).collect();
        assert_eq!(
            got,
            [
                ValueRef::Integer(7),
                ValueRef::Integer(1),
                ValueRef::Real(2.5),
                ValueRef::Text("a"),
                ValueRef::Text("工单"),
                ValueRef::Null,
                ValueRef::Integer(3),
                ValueRef::Integer(i64::MAX),
                ValueRef::Blob(&[1, 2]),
            ]
        );
        assert_eq!(params![].count(), 0);
        let owned: Vec<Value> = vec![Some("x").into(), None::<i64>.into(), false.into()];
        assert_eq!(owned.at(0), ValueRef::Text("x"));
        assert_eq!(owned.at(1), ValueRef::Null);
        assert_eq!(owned.at(2), ValueRef::Integer(0));
    }
}
