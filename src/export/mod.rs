//! Export formats for an [`Analysis`](crate::Analysis), besides the spec's JSON (which is
//! the `Analysis` serialised as is): CSV tables, displaCy's manual format and brat
//! standoff. Plain Rust, so the page, the CLI and tests share one implementation; the page
//! only wraps the strings in downloads.
//!
//! Every offset written is in code points, like the JSON.

pub mod brat;
pub mod csv;
pub mod displacy;

pub use brat::brat_ann;
pub use csv::{claims_csv, entities_csv};
pub use displacy::{displacy, DisplacyDoc, DisplacyEnt};
