//! The translations are compiled in: rebuild when any file under `locales/` changes or is added
//! (the loader macro alone does not notice a new file).

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
