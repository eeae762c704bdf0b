//! The employer form (with its units, contacts and supervisors as tables of rows): exactly what
//! was typed, and its conversion to the domain's draft.

use brygga_domain::registry::{ContactDraft, EmployerDraft, SupervisorDraft, UnitDraft};
use serde::Deserialize;

use crate::http::form::{code_of, rows, with_blanks};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EmployerForm {
    pub version: String,
    pub name: String,
    pub org_number: String,
    pub sector: String,
    pub agreement_status: String,
    pub agreement_date: String,
    pub notes: String,
    /// Units (workplaces): rows of name, address, municipality, and the row's id (hidden;
    /// empty for a new row) so that an edit keeps the row. Likewise for the other tables.
    pub unit_name: Vec<String>,
    pub unit_address: Vec<String>,
    pub unit_municipality: Vec<String>,
    pub unit_id: Vec<String>,
    /// Contact persons: rows of name, title, email, phone.
    pub contact_name: Vec<String>,
    pub contact_title: Vec<String>,
    pub contact_email: Vec<String>,
    pub contact_phone: Vec<String>,
    pub contact_id: Vec<String>,
    /// Supervisors: rows of name, email, phone, training status.
    pub supervisor_name: Vec<String>,
    pub supervisor_email: Vec<String>,
    pub supervisor_phone: Vec<String>,
    pub supervisor_training: Vec<String>,
    pub supervisor_id: Vec<String>,
}

impl EmployerForm {
    fn units(&self) -> Vec<[String; 4]> {
        rows([
            &self.unit_name,
            &self.unit_address,
            &self.unit_municipality,
            &self.unit_id,
        ])
    }

    fn contacts(&self) -> Vec<[String; 5]> {
        rows([
            &self.contact_name,
            &self.contact_title,
            &self.contact_email,
            &self.contact_phone,
            &self.contact_id,
        ])
    }

    fn supervisors(&self) -> Vec<[String; 5]> {
        rows([
            &self.supervisor_name,
            &self.supervisor_email,
            &self.supervisor_phone,
            &self.supervisor_training,
            &self.supervisor_id,
        ])
    }

    pub fn unit_rows(&self) -> Vec<[String; 4]> {
        with_blanks(self.units())
    }

    pub fn contact_rows(&self) -> Vec<[String; 5]> {
        with_blanks(self.contacts())
    }

    pub fn supervisor_rows(&self) -> Vec<[String; 5]> {
        with_blanks(self.supervisors())
    }

    pub fn to_draft(&self) -> EmployerDraft {
        EmployerDraft {
            name: self.name.clone(),
            org_number: self.org_number.clone(),
            sector: self.sector.clone(),
            agreement_status: self.agreement_status.clone(),
            agreement_date: self.agreement_date.clone(),
            notes: self.notes.clone(),
            units: self
                .units()
                .into_iter()
                .map(|[name, address, municipality, id]| UnitDraft {
                    id,
                    name,
                    address,
                    municipality_code: code_of(&municipality),
                })
                .collect(),
            contacts: self
                .contacts()
                .into_iter()
                .map(|[name, title, email, phone, id]| ContactDraft {
                    id,
                    name,
                    title,
                    email,
                    phone,
                })
                .collect(),
            supervisors: self
                .supervisors()
                .into_iter()
                .map(
                    |[name, email, phone, training_status, id]| SupervisorDraft {
                        id,
                        name,
                        email,
                        phone,
                        training_status,
                    },
                )
                .collect(),
        }
    }

    pub fn from_draft(d: &EmployerDraft, version: i32) -> Self {
        let mut f = EmployerForm {
            version: version.to_string(),
            name: d.name.clone(),
            org_number: d.org_number.clone(),
            sector: d.sector.clone(),
            agreement_status: d.agreement_status.clone(),
            agreement_date: d.agreement_date.clone(),
            notes: d.notes.clone(),
            ..Default::default()
        };
        for u in &d.units {
            f.unit_name.push(u.name.clone());
            f.unit_address.push(u.address.clone());
            f.unit_municipality.push(u.municipality_code.clone());
            f.unit_id.push(u.id.clone());
        }
        for c in &d.contacts {
            f.contact_name.push(c.name.clone());
            f.contact_title.push(c.title.clone());
            f.contact_email.push(c.email.clone());
            f.contact_phone.push(c.phone.clone());
            f.contact_id.push(c.id.clone());
        }
        for x in &d.supervisors {
            f.supervisor_name.push(x.name.clone());
            f.supervisor_email.push(x.email.clone());
            f.supervisor_phone.push(x.phone.clone());
            f.supervisor_training.push(x.training_status.clone());
            f.supervisor_id.push(x.id.clone());
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn employer_rows_take_the_municipality_code_from_the_pick_list() {
        let f = EmployerForm {
            unit_name: v(&["Kök", ""]),
            unit_address: v(&["Storgatan 1", ""]),
            unit_municipality: v(&["1480 – Göteborg", ""]),
            supervisor_name: v(&["Sam"]),
            supervisor_training: v(&["booked"]),
            ..Default::default()
        };
        let d = f.to_draft();
        assert_eq!(d.units.len(), 1);
        assert_eq!(d.units[0].municipality_code, "1480");
        assert_eq!(d.supervisors[0].training_status, "booked");
        assert_eq!(EmployerForm::from_draft(&d, 1).to_draft(), d);
    }
}
