//! Deterministic, clearly fictional demo data, kept out of the store library: it is loaded
//! through the store's public API only, like any other client's writes.
//!
//! `load` builds one small but complete world: a region with three municipalities, one
//! programme with a cohort, a login per role, a dozen employers with units, contact persons and
//! supervisors, about twenty placements and forty participants, a few candidate proposals, an
//! internship running on the demo's day (the participant login's, with a schedule, a course and
//! a follow-up meeting), two internships to come, and some cases shared with the
//! employment-service officer. Everything goes through the store's public API, as the system
//! actor or as the demo coordinator where a person books, so every write is validated and
//! audited exactly as a user's would be; the demo queues no e-mail to its fictitious people.
//!
//! Nothing is random: the same call with the same day gives the same data; the running
//! internship's dates follow the day it is loaded on. Every person and organisation name is
//! made up (surnames such as *Exempelsson*, *Låtsasdotter*, streets such as *Exempelgatan*), and
//! so are the identity numbers:
//! - organisation numbers are constructed (`X09999-NNNC`, check digit computed with Luhn);
//! - personnummer are taken from the Swedish Tax Agency's published test-number series
//!   (testpersonnummer), never from real people;
//! - phone numbers are taken from the series 070-174 06 05 … 070-174 06 99, which the Swedish
//!   Post and Telecom Authority (PTS) sets aside for use in fiction;
//! - e-mail addresses are all under `demo.brygga.se`.
//!
//! Loading is idempotent: if the demo region exists, nothing is written.

use brygga_domain::FieldErrors;
use brygga_domain::clearance::{ConfirmationInput, DecisionInput};
use brygga_domain::interest::InterestDraft;
use brygga_domain::model::{Compensation, InterviewOutcome, OrgKind, Role};
use brygga_domain::refdata::RefData;
use brygga_domain::registry::{
    ContactDraft, EmployerDraft, Experience, LanguageSkill, ParticipantDraft, PlacementDraft,
    SupervisorDraft, UnitDraft,
};
use brygga_domain::values::parse_date;
use chrono::{Datelike, Days, NaiveDate};

use brygga_store::users::NewUser;
use brygga_store::{Actor, DbErr, Result, Store, StoreError};

/// The password of every demo login.
pub const DEMO_PASSWORD: &str = "brygga-demo-2026";

/// The demo region; its existence marks the demo data as loaded.
pub const REGION_NAME: &str = "Region Exempelbygd";
pub const PROGRAMME_NAME: &str = "Praktikbryggan";
pub const COHORT_NAME: &str = "Omgång hösten 2026";

/// What `load` did and how to log in.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoSummary {
    /// (role, email) of each demo login, one per role.
    pub logins: Vec<(String, String)>,
    pub password: &'static str,
    /// `false` when the demo data was already there and nothing was written.
    pub created: bool,
}

/// Where a demo user belongs.
#[derive(Clone, Copy, PartialEq)]
enum Home {
    Region,
    Programme,
    Nowhere,
}

/// One login per role: (role, email, name, membership).
const LOGINS: &[(Role, &str, &str, Home)] = &[
    (
        Role::Admin,
        "admin@demo.brygga.se",
        "Ada Adminsson",
        Home::Region,
    ),
    (
        Role::ProgrammeManager,
        "projektledare@demo.brygga.se",
        "Pia Projektledarsdotter",
        Home::Programme,
    ),
    (
        Role::Coordinator,
        "koordinator@demo.brygga.se",
        "Klara Koordinatorsdotter",
        Home::Programme,
    ),
    // The first employer's first contact person.
    (
        Role::EmployerContact,
        "kontaktperson@demo.brygga.se",
        "Karin Kontaktsson",
        Home::Nowhere,
    ),
    // The first employer's first supervisor.
    (
        Role::Supervisor,
        "handledare@demo.brygga.se",
        "Hans Handledarsson",
        Home::Nowhere,
    ),
    (
        Role::EducationProvider,
        "utbildning@demo.brygga.se",
        "Ulla Utbildarsdotter",
        Home::Programme,
    ),
    (
        Role::EsOfficer,
        "handlaggare@demo.brygga.se",
        "Hedda Handläggarsdotter",
        Home::Nowhere,
    ),
    // The first participant.
    (
        Role::Participant,
        "deltagare@demo.brygga.se",
        "Amina Exempelsson",
        Home::Nowhere,
    ),
    (
        Role::Evaluator,
        "utvarderare@demo.brygga.se",
        "Uno Utvärderarsson",
        Home::Region,
    ),
];

/// (code, name) of the demo municipalities; the programme lies in the first.
const MUNICIPALITIES: &[(&str, &str)] = &[
    ("1480", "Göteborg"),
    ("1401", "Härryda"),
    ("1402", "Partille"),
];

// ---------------------------------------------------------------- employers

struct EmployerSpec {
    name: &'static str,
    /// The label of the e-mail domain (`<key>.demo.brygga.se`).
    key: &'static str,
    /// First digit of the constructed organisation number (2 public, 5 company, 8 association).
    org_prefix: u8,
    sector: &'static str,
    agreement_status: &'static str,
    agreement_date: &'static str,
    notes: &'static str,
    /// (name, address, municipality code)
    units: &'static [(&'static str, &'static str, &'static str)],
    /// (name, title)
    contacts: &'static [(&'static str, &'static str)],
    /// (name, training status)
    supervisors: &'static [(&'static str, &'static str)],
}

const EMPLOYERS: &[EmployerSpec] = &[
    EmployerSpec {
        name: "Exempelbygds äldreomsorg",
        key: "aldreomsorg",
        org_prefix: 2,
        sector: "public",
        agreement_status: "signed",
        agreement_date: "2026-03-02",
        notes: "Kommunal äldreomsorg (demo). Tar emot praktikanter på äldreboende och i hemtjänsten.",
        units: &[
            (
                "Solgläntans äldreboende (demo)",
                "Exempelgatan 12, Göteborg",
                "1480",
            ),
            ("Hemtjänst Centrum (demo)", "Provvägen 4, Göteborg", "1480"),
        ],
        contacts: &[
            ("Karin Kontaktsson", "Enhetschef"),
            ("Sune Samordnarsson", "HR-konsult"),
        ],
        supervisors: &[
            ("Hans Handledarsson", "trained"),
            ("Maja Mentorsdotter", "trained"),
            ("Greta Guidesson", "first_half_done"),
        ],
    },
    EmployerSpec {
        name: "Exempelbygds förskoleförvaltning",
        key: "forskola",
        org_prefix: 2,
        sector: "public",
        agreement_status: "signed",
        agreement_date: "2026-04-15",
        notes: "Förskolor i Härryda (demo).",
        units: &[(
            "Förskolan Låtsasbacken (demo)",
            "Låtsasbacken 3, Härryda",
            "1401",
        )],
        contacts: &[("Fia Förskolechefsdotter", "Förskolechef")],
        supervisors: &[("Lotta Lekdotter", "trained"), ("Bo Barnsson", "booked")],
    },
    EmployerSpec {
        name: "Demosjukhuset, Region Exempelbygd",
        key: "demosjukhuset",
        org_prefix: 2,
        sector: "public",
        agreement_status: "signed",
        agreement_date: "2026-02-10",
        notes: "Regionens påhittade sjukhus. Praktik på vårdavdelning och inom lokalvård.",
        units: &[
            (
                "Demosjukhuset, avdelning 7",
                "Sjukhusvägen 1, Göteborg",
                "1480",
            ),
            (
                "Demosjukhuset, lokalvård",
                "Sjukhusvägen 1, Göteborg",
                "1480",
            ),
        ],
        contacts: &[
            ("Vera Vårdsdotter", "Avdelningschef"),
            ("Rolf Rekryterarsson", "Rekryteringsspecialist"),
        ],
        supervisors: &[
            ("Sara Sjukskötersdotter", "trained"),
            ("Leo Lokalvårdsson", "first_half_done"),
        ],
    },
    EmployerSpec {
        name: "Restaurang Påhittat AB",
        key: "pahittat",
        org_prefix: 5,
        sector: "private",
        agreement_status: "signed",
        agreement_date: "2026-05-20",
        notes: "Lunchrestaurang med catering (demo).",
        units: &[("Restaurang Påhittat", "Fiktivtorget 7, Göteborg", "1480")],
        contacts: &[("Kalle Krögarsson", "Krögare")],
        supervisors: &[
            ("Kim Kocksson", "trained"),
            ("Siri Serveringsdotter", "not_started"),
        ],
    },
    EmployerSpec {
        name: "Låtsaslogistik AB",
        key: "latsaslogistik",
        org_prefix: 5,
        sector: "private",
        agreement_status: "signed",
        agreement_date: "2026-01-28",
        notes: "Lager och distribution (demo). Skiftarbete förekommer.",
        units: &[(
            "Terminal Partille (demo)",
            "Lagervägen 20, Partille",
            "1402",
        )],
        contacts: &[
            ("Tore Terminalsson", "Driftchef"),
            ("Linn Lönsdotter", "HR-ansvarig"),
        ],
        supervisors: &[
            ("Truls Trucksson", "trained"),
            ("Petra Plocksdotter", "booked"),
        ],
    },
    EmployerSpec {
        name: "Fiktiva Bygg & Anläggning AB",
        key: "fiktivabygg",
        org_prefix: 5,
        sector: "private",
        agreement_status: "sent",
        agreement_date: "",
        notes: "Avtal skickat, inväntar underskrift (demo).",
        units: &[(
            "Byggarbetsplats Testkullen (demo)",
            "Testkullen 2, Härryda",
            "1401",
        )],
        contacts: &[("Bengt Byggsson", "Platschef")],
        supervisors: &[("Sten Snickarsson", "first_half_done")],
    },
    EmployerSpec {
        name: "Exempelhallen Livs AB",
        key: "exempelhallen",
        org_prefix: 5,
        sector: "private",
        agreement_status: "signed",
        agreement_date: "2026-06-01",
        notes: "Livsmedelsbutiker (demo).",
        units: &[
            ("Exempelhallen Centrum", "Handelsgatan 5, Göteborg", "1480"),
            ("Exempelhallen Partille", "Köpvägen 11, Partille", "1402"),
        ],
        contacts: &[("Hanna Handlarsdotter", "Butikschef")],
        supervisors: &[
            ("Kasper Kassasson", "trained"),
            ("Vilma Varudotter", "trained"),
        ],
    },
    EmployerSpec {
        name: "Demodata IT-konsult AB",
        key: "demodata",
        org_prefix: 5,
        sector: "private",
        agreement_status: "draft",
        agreement_date: "",
        notes: "Nytt samarbete, avtal under framtagande (demo).",
        units: &[("Demodata kontor", "Kodgatan 8, Göteborg", "1480")],
        contacts: &[("Ida Itsdotter", "Teamledare")],
        supervisors: &[("Niklas Nätverksson", "not_started")],
    },
    EmployerSpec {
        name: "Provstädarna i Exempelbygd AB",
        key: "provstadarna",
        org_prefix: 5,
        sector: "private",
        agreement_status: "signed",
        agreement_date: "2026-03-18",
        notes: "Lokalvård för kontor och skolor (demo).",
        units: &[("Provstädarna Partille", "Moppvägen 3, Partille", "1402")],
        contacts: &[("Stina Städsdotter", "Verksamhetschef")],
        supervisors: &[
            ("Mira Moppsdotter", "trained"),
            ("Adam Arbetsledarsson", "trained"),
        ],
    },
    EmployerSpec {
        name: "Bilverkstaden Testmotor AB",
        key: "testmotor",
        org_prefix: 5,
        sector: "private",
        agreement_status: "signed",
        agreement_date: "2026-04-02",
        notes: "Bilverkstad och rekond (demo).",
        units: &[("Testmotor verkstad", "Verkstadsgatan 14, Härryda", "1401")],
        contacts: &[("Mats Mekanikersson", "Verkstadschef")],
        supervisors: &[("Olle Oljesson", "trained")],
    },
    EmployerSpec {
        name: "Föreningen Låtsasgården",
        key: "latsasgarden",
        org_prefix: 8,
        sector: "non_profit",
        agreement_status: "signed",
        agreement_date: "2026-02-24",
        notes: "Ideell förening med second hand-butik och café (demo).",
        units: &[(
            "Låtsasgårdens second hand och café",
            "Föreningsgatan 9, Göteborg",
            "1480",
        )],
        contacts: &[
            ("Eva Eldsjälsdotter", "Ordförande"),
            ("Gustav Gemenskapsson", "Verksamhetsledare"),
        ],
        supervisors: &[("Gustav Gemenskapsson", "trained")],
    },
    EmployerSpec {
        name: "Stiftelsen Exempelhjälpen",
        key: "exempelhjalpen",
        org_prefix: 8,
        sector: "non_profit",
        agreement_status: "none",
        agreement_date: "",
        notes: "Stiftelse med egna fastigheter och trädgård (demo). Inget avtal ännu.",
        units: &[(
            "Exempelhjälpens fastigheter",
            "Stiftelsevägen 1, Partille",
            "1402",
        )],
        contacts: &[("Frida Fastighetsdotter", "Förvaltare")],
        supervisors: &[("Ture Trädgårdsson", "booked")],
    },
];

// ---------------------------------------------------------------- placements

struct PlacementSpec {
    /// Index into `EMPLOYERS`.
    employer: usize,
    /// Index into the employer's units (address and municipality come from there).
    unit: usize,
    title: &'static str,
    ssyk: &'static str,
    tasks: &'static str,
    required: &'static str,
    desired: &'static str,
    swedish: &'static str,
    other_languages: &'static [(&'static str, &'static str)],
    education: &'static str,
    licence: &'static str,
    days: &'static str,
    hours: &'static str,
    start: &'static str,
    end: &'static str,
    places: &'static str,
    accommodations: &'static [&'static str],
    status: &'static str,
}

/// The placement the two demo internships are in (first employer, filled).
const INTERNSHIP_PLACEMENT: usize = 0;

const PLACEMENTS: &[PlacementSpec] = &[
    PlacementSpec {
        employer: 0,
        unit: 0,
        title: "Praktik som undersköterska på äldreboende",
        ssyk: "5321",
        tasks: "Stötta de boende i vardagen: hygien, måltider, promenader och sociala aktiviteter. Enklare dokumentation.",
        required: "omvårdnad, bemötande",
        desired: "förflyttningsteknik, dokumentation",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "4",
        hours: "30",
        start: "2027-02-01",
        end: "2027-05-28",
        places: "2",
        accommodations: &["written_instructions", "flexible_hours"],
        status: "filled",
    },
    PlacementSpec {
        employer: 0,
        unit: 1,
        title: "Praktik som vårdbiträde i hemtjänsten",
        ssyk: "5330",
        tasks: "Följa med på hembesök: inköp, städning, matlagning och personlig omvårdnad.",
        required: "bemötande, städning",
        desired: "matlagning, körkort",
        swedish: "A2",
        other_languages: &[("arabiska", "B1")],
        education: "none",
        licence: "B",
        days: "4",
        hours: "28",
        start: "2027-03-01",
        end: "2027-06-11",
        places: "3",
        accommodations: &["written_instructions"],
        status: "published",
    },
    PlacementSpec {
        employer: 0,
        unit: 0,
        title: "Praktik i köket på äldreboende",
        ssyk: "9412",
        tasks: "Förbereda och servera måltider, diska och hålla ordning i köket.",
        required: "hygienrutiner",
        desired: "matlagning",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "3",
        hours: "20",
        start: "2027-04-05",
        end: "2027-06-18",
        places: "1",
        accommodations: &["part_time", "step_free_access"],
        status: "published",
    },
    PlacementSpec {
        employer: 1,
        unit: 0,
        title: "Praktik som barnskötare",
        ssyk: "5311",
        tasks: "Delta i förskolans vardag: lek, måltider, vila och utevistelse tillsammans med barnen.",
        required: "barnomsorg, samarbete",
        desired: "pedagogik, sång och musik",
        swedish: "B1",
        other_languages: &[],
        education: "upper_secondary",
        licence: "none",
        days: "5",
        hours: "32",
        start: "2027-08-16",
        end: "2027-12-10",
        places: "2",
        accommodations: &[],
        status: "published",
    },
    PlacementSpec {
        employer: 1,
        unit: 0,
        title: "Praktik som vaktmästare för förskolor",
        ssyk: "9622",
        tasks: "Enklare reparationer, snöskottning, sophantering och transporter mellan förskolorna.",
        required: "händighet",
        desired: "körkort",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "B",
        days: "4",
        hours: "30",
        start: "2027-09-06",
        end: "2027-12-17",
        places: "1",
        accommodations: &[],
        status: "draft",
    },
    PlacementSpec {
        employer: 2,
        unit: 0,
        title: "Praktik som undersköterska på vårdavdelning",
        ssyk: "5323",
        tasks: "Omvårdnad av inneliggande patienter, mäta vitala parametrar, bädda och förbereda måltider.",
        required: "omvårdnad, hygienrutiner",
        desired: "provtagning, dokumentation",
        swedish: "B1",
        other_languages: &[],
        education: "upper_secondary",
        licence: "none",
        days: "5",
        hours: "35",
        start: "2027-03-15",
        end: "2027-06-25",
        places: "2",
        accommodations: &["written_instructions"],
        status: "published",
    },
    PlacementSpec {
        employer: 2,
        unit: 1,
        title: "Praktik inom lokalvård på sjukhus",
        ssyk: "9111",
        tasks: "Daglig städning av vårdsalar och gemensamma ytor enligt sjukhusets hygienrutiner.",
        required: "städning",
        desired: "hygienrutiner",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "4",
        hours: "28",
        start: "2027-02-15",
        end: "2027-05-21",
        places: "2",
        accommodations: &["written_instructions", "interpreter"],
        status: "published",
    },
    PlacementSpec {
        employer: 3,
        unit: 0,
        title: "Praktik som kock",
        ssyk: "5120",
        tasks: "Tillaga varmrätter och sallader till lunchbuffén, planera råvaror och följa egenkontrollprogrammet.",
        required: "matlagning, hygienrutiner",
        desired: "HACCP, bakning",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "5",
        hours: "35",
        start: "2027-01-18",
        end: "2027-04-30",
        places: "1",
        accommodations: &[],
        status: "published",
    },
    PlacementSpec {
        employer: 3,
        unit: 0,
        title: "Praktik som restaurangbiträde",
        ssyk: "9412",
        tasks: "Disk, plock, påfyllning av buffén och enklare kallskänksarbete.",
        required: "diskning",
        desired: "kundbemötande",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "4",
        hours: "24",
        start: "2027-02-08",
        end: "2027-05-14",
        places: "2",
        accommodations: &["part_time"],
        status: "published",
    },
    PlacementSpec {
        employer: 3,
        unit: 0,
        title: "Praktik som servitör",
        ssyk: "5131",
        tasks: "Servering, dukning och kassa under lunch och kvällar.",
        required: "kundbemötande, servering",
        desired: "kassahantering",
        swedish: "B1",
        other_languages: &[("engelska", "B1")],
        education: "none",
        licence: "none",
        days: "4",
        hours: "30",
        start: "2027-01-11",
        end: "2027-03-19",
        places: "1",
        accommodations: &[],
        status: "closed",
    },
    PlacementSpec {
        employer: 4,
        unit: 0,
        title: "Praktik som lagerarbetare",
        ssyk: "4322",
        tasks: "Ta emot gods, plocka och packa order, inventera och hålla ordning på lagret.",
        required: "plock, noggrannhet",
        desired: "truckkort",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "5",
        hours: "38",
        start: "2027-02-01",
        end: "2027-05-07",
        places: "3",
        accommodations: &["interpreter"],
        status: "published",
    },
    PlacementSpec {
        employer: 4,
        unit: 0,
        title: "Praktik som lastbilsförare i distribution",
        ssyk: "8332",
        tasks: "Följa med på distributionsturer, lasta och lossa, lastsäkring och kundkontakt.",
        required: "lastsäkring",
        desired: "YKB",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "C",
        days: "5",
        hours: "40",
        start: "2027-05-03",
        end: "2027-08-27",
        places: "1",
        accommodations: &[],
        status: "draft",
    },
    PlacementSpec {
        employer: 5,
        unit: 0,
        title: "Praktik som byggarbetare",
        ssyk: "9310",
        tasks: "Grovarbete på byggarbetsplatsen: bära material, städa arbetsplatsen, enklare rivning.",
        required: "tunga lyft",
        desired: "handverktyg, betong",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "5",
        hours: "38",
        start: "2027-04-05",
        end: "2027-07-02",
        places: "2",
        accommodations: &[],
        status: "published",
    },
    PlacementSpec {
        employer: 5,
        unit: 0,
        title: "Praktik som snickare",
        ssyk: "7111",
        tasks: "Bygga reglar, montera skivor, sätta dörrar och lister tillsammans med en erfaren snickare.",
        required: "handverktyg",
        desired: "ritningsläsning",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "5",
        hours: "38",
        start: "2027-04-05",
        end: "2027-07-30",
        places: "1",
        accommodations: &[],
        status: "published",
    },
    PlacementSpec {
        employer: 6,
        unit: 0,
        title: "Praktik som butiksbiträde i livsmedelsbutik",
        ssyk: "5222",
        tasks: "Fylla på varor, datummärkning, hjälpa kunder och hålla butiken i ordning.",
        required: "kundbemötande",
        desired: "varuplock, kassahantering",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "4",
        hours: "30",
        start: "2027-03-01",
        end: "2027-05-28",
        places: "2",
        accommodations: &["flexible_hours"],
        status: "published",
    },
    PlacementSpec {
        employer: 6,
        unit: 1,
        title: "Praktik i kassan",
        ssyk: "5230",
        tasks: "Kassaarbete, returer och kundservice vid informationsdisken.",
        required: "kassahantering, kundbemötande",
        desired: "engelska",
        swedish: "B1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "4",
        hours: "28",
        start: "2027-09-06",
        end: "2027-11-26",
        places: "1",
        accommodations: &[],
        status: "published",
    },
    PlacementSpec {
        employer: 7,
        unit: 0,
        title: "Praktik inom IT-support",
        ssyk: "3512",
        tasks: "Svara på supportärenden, installera datorer och telefoner, dokumentera lösningar.",
        required: "Windows, felsökning",
        desired: "nätverk, kundsupport",
        swedish: "B1",
        other_languages: &[("engelska", "B2")],
        education: "upper_secondary",
        licence: "none",
        days: "5",
        hours: "40",
        start: "2027-08-23",
        end: "2027-12-17",
        places: "1",
        accommodations: &["quiet_room"],
        status: "draft",
    },
    PlacementSpec {
        employer: 8,
        unit: 0,
        title: "Praktik som lokalvårdare",
        ssyk: "9111",
        tasks: "Städning av kontor och skolor, golvvård och hantering av städmaskiner.",
        required: "städning",
        desired: "golvvård",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "5",
        hours: "30",
        start: "2027-01-25",
        end: "2027-04-30",
        places: "3",
        accommodations: &["written_instructions", "part_time"],
        status: "published",
    },
    PlacementSpec {
        employer: 9,
        unit: 0,
        title: "Praktik som fordonsmekaniker",
        ssyk: "7231",
        tasks: "Service, däckbyten, bromsar och felsökning på personbilar.",
        required: "bilreparation",
        desired: "diagnos, däckbyte",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "B",
        days: "5",
        hours: "38",
        start: "2027-03-08",
        end: "2027-06-18",
        places: "1",
        accommodations: &[],
        status: "published",
    },
    PlacementSpec {
        employer: 9,
        unit: 0,
        title: "Praktik som bilrekonditionerare",
        ssyk: "9120",
        tasks: "Tvätta, polera och rekonditionera bilar in- och utvändigt.",
        required: "noggrannhet",
        desired: "polering",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "4",
        hours: "30",
        start: "2027-05-03",
        end: "2027-08-13",
        places: "1",
        accommodations: &["written_instructions"],
        status: "published",
    },
    PlacementSpec {
        employer: 10,
        unit: 0,
        title: "Praktik i second hand-butik och café",
        ssyk: "5223",
        tasks: "Sortera och prismärka skänkta varor, stå i kassan och hjälpa till i caféet.",
        required: "kundbemötande",
        desired: "kassahantering, bakning",
        swedish: "A1",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "3",
        hours: "18",
        start: "2027-02-01",
        end: "2027-06-04",
        places: "2",
        accommodations: &["part_time", "flexible_hours", "step_free_access"],
        status: "published",
    },
    PlacementSpec {
        employer: 11,
        unit: 0,
        title: "Praktik som fastighetsskötare",
        ssyk: "5152",
        tasks: "Skötsel av fastigheter och utemiljö: felanmälningar, enklare reparationer, gräsklippning.",
        required: "händighet",
        desired: "trädgårdsskötsel, körkort",
        swedish: "A2",
        other_languages: &[],
        education: "none",
        licence: "none",
        days: "4",
        hours: "30",
        start: "2027-04-12",
        end: "2027-08-20",
        places: "1",
        accommodations: &[],
        status: "published",
    },
];

// ---------------------------------------------------------------- participants

struct PersonSpec {
    first: &'static str,
    last: &'static str,
    female: bool,
    /// (language, CEFR level); the first is the mother tongue.
    languages: &'static [(&'static str, &'static str)],
    country: &'static str,
    education: &'static str,
    field: &'static str,
    /// (SSYK unit group, years)
    experience: &'static [(&'static str, &'static str)],
    wished: &'static [&'static str],
    skills: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn p(
    first: &'static str,
    last: &'static str,
    female: bool,
    languages: &'static [(&'static str, &'static str)],
    country: &'static str,
    education: &'static str,
    field: &'static str,
    experience: &'static [(&'static str, &'static str)],
    wished: &'static [&'static str],
    skills: &'static str,
) -> PersonSpec {
    PersonSpec {
        first,
        last,
        female,
        languages,
        country,
        education,
        field,
        experience,
        wished,
        skills,
    }
}

const F: bool = true;
const M: bool = false;

const PARTICIPANTS: &[PersonSpec] = &[
    p(
        "Amina",
        "Exempelsson",
        F,
        &[("arabiska", "C2"), ("engelska", "A2")],
        "Syrien",
        "upper_secondary",
        "Vård och omsorg",
        &[("5321", "3")],
        &["5321", "5330"],
        "omvårdnad, hygienrutiner, matlagning",
    ),
    p(
        "Yonas",
        "Demosson",
        M,
        &[("tigrinja", "C2"), ("arabiska", "B1")],
        "Eritrea",
        "lower_secondary",
        "",
        &[("9412", "2")],
        &["5330", "9412"],
        "städning, bemötande, diskning",
    ),
    p(
        "Farida",
        "Testdotter",
        F,
        &[("dari", "C2"), ("persiska", "C1")],
        "Afghanistan",
        "primary",
        "",
        &[("5311", "4")],
        &["5330", "5311"],
        "barnomsorg, matlagning, bemötande",
    ),
    p(
        "Hodan",
        "Provdotter",
        F,
        &[("somaliska", "C2"), ("arabiska", "A2"), ("engelska", "B1")],
        "Somalia",
        "upper_secondary",
        "Handel",
        &[("5222", "3")],
        &["9412", "5222"],
        "kassahantering, kundbemötande",
    ),
    p(
        "Oksana",
        "Låtsasdotter",
        F,
        &[("ukrainska", "C2"), ("ryska", "C2"), ("engelska", "B1")],
        "Ukraina",
        "bachelor",
        "Omvårdnad",
        &[("5323", "6")],
        &["5321", "5323"],
        "omvårdnad, dokumentation, förflyttningsteknik",
    ),
    p(
        "Mohammed",
        "Påhittsson",
        M,
        &[("arabiska", "C2"), ("engelska", "B1")],
        "Irak",
        "post_secondary_short",
        "Sjukvård",
        &[("5330", "2")],
        &["5321"],
        "omvårdnad, matlagning, datorvana",
    ),
    p(
        "Tesfay",
        "Modellsson",
        M,
        &[("tigrinja", "C2"), ("amhariska", "B2")],
        "Eritrea",
        "primary",
        "",
        &[("9310", "5")],
        &["9310", "7111"],
        "rivning, betong, handverktyg",
    ),
    p(
        "Shirin",
        "Övningsdotter",
        F,
        &[("persiska", "C2"), ("engelska", "B2")],
        "Iran",
        "master",
        "Kemi",
        &[("2133", "4")],
        &["5227", "4111"],
        "laboratoriearbete, Excel",
    ),
    p(
        "Ahmad",
        "Fiktivsson",
        M,
        &[("dari", "C2"), ("persiska", "C2"), ("pashto", "B1")],
        "Afghanistan",
        "lower_secondary",
        "",
        &[("7231", "3")],
        &["7231", "9120"],
        "bilreparation, däckbyte",
    ),
    p(
        "Abdi",
        "Exempelsson",
        M,
        &[("somaliska", "C2"), ("engelska", "A2")],
        "Somalia",
        "primary",
        "",
        &[("8332", "6")],
        &["8332", "4322"],
        "lastbilskörning, lastsäkring",
    ),
    p(
        "Lina",
        "Demodotter",
        F,
        &[("arabiska", "C2"), ("kurdiska", "B2")],
        "Syrien",
        "bachelor",
        "Förskolepedagogik",
        &[("2343", "5")],
        &["5311", "5312"],
        "barnomsorg, pedagogik, sång och musik",
    ),
    p(
        "Daniel",
        "Provsson",
        M,
        &[("spanska", "C2"), ("engelska", "B2")],
        "Colombia",
        "upper_secondary",
        "Gastronomi",
        &[("5120", "7")],
        &["5120"],
        "matlagning, HACCP, bakning",
    ),
    p(
        "Natalia",
        "Testdotter",
        F,
        &[("ukrainska", "C2"), ("ryska", "C1"), ("polska", "A2")],
        "Ukraina",
        "bachelor",
        "Ekonomi",
        &[("4111", "8")],
        &["4111", "5230"],
        "bokföring, Excel, fakturahantering",
    ),
    p(
        "Hamid",
        "Låtsasson",
        M,
        &[("persiska", "C2"), ("engelska", "B1")],
        "Iran",
        "post_secondary_short",
        "Elteknik",
        &[("7411", "10")],
        &["7411", "7126"],
        "elinstallation, felsökning",
    ),
    p(
        "Fatuma",
        "Modelldotter",
        F,
        &[("somaliska", "C2"), ("swahili", "B2")],
        "Somalia",
        "none",
        "",
        &[("9111", "2")],
        &["9111", "5330"],
        "städning, tvätt",
    ),
    p(
        "Kidane",
        "Övningsson",
        M,
        &[("tigrinja", "C2"), ("engelska", "A2")],
        "Eritrea",
        "lower_secondary",
        "",
        &[("9412", "1")],
        &["9412", "5120"],
        "diskning, matlagning",
    ),
    p(
        "Rania",
        "Exempeldotter",
        F,
        &[("arabiska", "C2"), ("franska", "B1")],
        "Marocko",
        "upper_secondary",
        "Frisör",
        &[("5141", "4")],
        &["5141", "5223"],
        "frisyrer, kundbemötande",
    ),
    p(
        "Olena",
        "Påhittsdotter",
        F,
        &[("ukrainska", "C2"), ("engelska", "B2")],
        "Ukraina",
        "master",
        "Programvaruutveckling",
        &[("2512", "6")],
        &["2512", "3512"],
        "Java, SQL, testning",
    ),
    p(
        "Ali",
        "Demosson",
        M,
        &[("arabiska", "C2"), ("turkiska", "B1")],
        "Irak",
        "primary",
        "",
        &[("7113", "8")],
        &["9310", "7113"],
        "betong, armering, tunga lyft",
    ),
    p(
        "Carlos",
        "Fiktivsson",
        M,
        &[
            ("spanska", "C2"),
            ("portugisiska", "B1"),
            ("engelska", "B1"),
        ],
        "Venezuela",
        "bachelor",
        "Turism",
        &[("5131", "5")],
        &["5131", "5120"],
        "servering, kassahantering",
    ),
    p(
        "Zahra",
        "Provdotter",
        F,
        &[("dari", "C2"), ("engelska", "A1")],
        "Afghanistan",
        "none",
        "",
        &[],
        &["9111", "9412"],
        "matlagning, sömnad",
    ),
    p(
        "Mehari",
        "Testsson",
        M,
        &[("tigrinja", "C2"), ("arabiska", "A2")],
        "Eritrea",
        "lower_secondary",
        "",
        &[("8321", "3")],
        &["8332", "4322"],
        "körning, lastning",
    ),
    p(
        "Iryna",
        "Låtsasdotter",
        F,
        &[("ukrainska", "C2"), ("ryska", "C2")],
        "Ukraina",
        "post_secondary_short",
        "Sjukvård",
        &[("5323", "4")],
        &["5323", "5321"],
        "omvårdnad, provtagning",
    ),
    p(
        "Samir",
        "Modellsson",
        M,
        &[("arabiska", "C2"), ("engelska", "B1")],
        "Syrien",
        "upper_secondary",
        "Handel",
        &[("5221", "5")],
        &["5222", "5230"],
        "butiksarbete, varuplock",
    ),
    p(
        "Nasrin",
        "Övningsdotter",
        F,
        &[("persiska", "C2"), ("engelska", "B1")],
        "Iran",
        "bachelor",
        "Grafisk design",
        &[("4222", "2")],
        &["4222", "5223"],
        "bildbehandling, kundtjänst",
    ),
    p(
        "Abdullahi",
        "Exempelsson",
        M,
        &[("somaliska", "C2"), ("arabiska", "B1")],
        "Somalia",
        "lower_secondary",
        "",
        &[("4322", "3")],
        &["4322", "9332"],
        "truckkort, plock",
    ),
    p(
        "Maria",
        "Demodotter",
        F,
        &[("spanska", "C2"), ("engelska", "A2")],
        "Peru",
        "upper_secondary",
        "Hotell och restaurang",
        &[("9111", "6")],
        &["9111", "5120"],
        "städning, tvätt, hotellrum",
    ),
    p(
        "Mustafa",
        "Provsson",
        M,
        &[("dari", "C2"), ("persiska", "C2"), ("urdu", "B1")],
        "Afghanistan",
        "primary",
        "",
        &[("6112", "8")],
        &["6112", "5152"],
        "odling, beskärning, trädgårdsskötsel",
    ),
    p(
        "Halima",
        "Testdotter",
        F,
        &[("arabiska", "C2")],
        "Sudan",
        "lower_secondary",
        "",
        &[("5343", "2")],
        &["5343", "5330"],
        "omsorg, matlagning",
    ),
    p(
        "Dawit",
        "Låtsasson",
        M,
        &[("amhariska", "C2"), ("tigrinja", "B2"), ("engelska", "B1")],
        "Etiopien",
        "bachelor",
        "Datavetenskap",
        &[("3512", "3")],
        &["3512", "3511"],
        "nätverk, Windows, kundsupport",
    ),
    p(
        "Svitlana",
        "Påhittsdotter",
        F,
        &[("ukrainska", "C2"), ("engelska", "A2")],
        "Ukraina",
        "upper_secondary",
        "Bageri",
        &[("7612", "9")],
        &["7612", "9412"],
        "bakning, konditori",
    ),
    p(
        "Omar",
        "Fiktivsson",
        M,
        &[("arabiska", "C2"), ("engelska", "A2")],
        "Syrien",
        "lower_secondary",
        "",
        &[("7131", "6")],
        &["7131", "7111"],
        "målning, spackling",
    ),
    p(
        "Amal",
        "Exempeldotter",
        F,
        &[("arabiska", "C2"), ("engelska", "B1")],
        "Jemen",
        "post_secondary_short",
        "Tandvård",
        &[("5350", "3")],
        &["5350", "5321"],
        "sterilisering, bemötande",
    ),
    p(
        "Rahim",
        "Modellsson",
        M,
        &[("pashto", "C2"), ("dari", "C1")],
        "Afghanistan",
        "none",
        "",
        &[("9310", "4")],
        &["9310", "9111"],
        "tunga lyft, handverktyg",
    ),
    p(
        "Sofia",
        "Övningsdotter",
        F,
        &[("spanska", "C2"), ("engelska", "B2")],
        "Chile",
        "master",
        "Socialt arbete",
        &[("5343", "2")],
        &["5312", "5343"],
        "samtal, dokumentation",
    ),
    p(
        "Berhane",
        "Demosson",
        M,
        &[("tigrinja", "C2")],
        "Eritrea",
        "primary",
        "",
        &[("9412", "3")],
        &["9412", "9111"],
        "diskning, städning",
    ),
    p(
        "Leyla",
        "Testdotter",
        F,
        &[("kurdiska", "C2"), ("arabiska", "B2"), ("persiska", "B1")],
        "Irak",
        "upper_secondary",
        "Vård och omsorg",
        &[("5330", "2")],
        &["5330", "5321"],
        "omvårdnad, bemötande",
    ),
    p(
        "Andriy",
        "Låtsasson",
        M,
        &[("ukrainska", "C2"), ("ryska", "C2"), ("engelska", "A2")],
        "Ukraina",
        "post_secondary_short",
        "Fordonsteknik",
        &[("7231", "12")],
        &["7231", "7233"],
        "diagnos, motorreparation",
    ),
    p(
        "Aisha",
        "Provdotter",
        F,
        &[("somaliska", "C2"), ("engelska", "B1")],
        "Somalia",
        "upper_secondary",
        "",
        &[("5230", "2")],
        &["5230", "5222"],
        "kassahantering, kundbemötande",
    ),
    p(
        "Javad",
        "Fiktivsson",
        M,
        &[("persiska", "C2"), ("engelska", "C1")],
        "Iran",
        "doctoral",
        "Byggnadsteknik",
        &[("3111", "10")],
        &["7111", "9310"],
        "CAD, projektering",
    ),
];

/// Participants proposed to the first employer's published placements: (participant, placement).
const PROPOSALS: &[(usize, usize)] = &[(1, 1), (2, 1), (3, 2)];
/// Participants in an internship with the demo supervisor: (participant, start, end).
const INTERNSHIPS: &[(usize, &str, &str)] = &[
    (4, "2027-02-01", "2027-05-28"),
    (5, "2027-02-15", "2027-05-28"),
];
/// The internship running on the demo's day: the participant login's, at the first employer's
/// home-care placement (its period moved to match), with the demo supervisor, on GR's pattern.
/// (participant, placement)
const RUNNING: (usize, usize) = (0, 1);
/// The candidates the coordinator registers for the matching fair ahead (those proposed
/// elsewhere are registered too, and the timetable leaves them out).
const FAIR_CANDIDATES: &[usize] = &[1, 6, 7, 8, 9, 10, 11];
/// How many weeks before the demo's day the running internship started, and how long it is.
const RUNNING_WEEKS_IN: u64 = 6;
const RUNNING_WEEKS: u64 = 12;

/// The running internship's first Monday and last Friday.
fn running_period(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start = brygga_domain::calendar::week_start(today) - Days::new(7 * RUNNING_WEEKS_IN);
    (start, start + Days::new(7 * RUNNING_WEEKS - 3))
}

/// The demo project's sub-goals: what each says, its indicator, its target.
const PROJECT_GOALS: &[(&str, &str, u32)] = &[
    ("80 deltagare skrivs in i programmet", "participants", 80),
    ("60 deltagare börjar praktik", "internship_started", 60),
    ("50 deltagare får validerat kompetensbevis", "certified", 50),
    (
        "40 deltagare arbetar eller studerar sex månader efter avslut",
        "work_or_studies_month6",
        40,
    ),
    (
        "30 handledare och medarbetare kompetensutvecklas",
        "staff_trained",
        30,
    ),
];

/// The finished cohort: participants whose internship with the demo supervisor ended before the
/// demo's day, with the end assessment signed and both certificates issued; `true`: the first
/// internship certificate was revoked (a wrong period) and issued again.
const FINISHED: &[(usize, bool)] = &[(14, false), (16, true)];
/// What the finished cohort did afterwards, by the index in `FINISHED`: at leaving (status,
/// the employer's decision) and at the four-week call.
const FINISHED_OUTCOMES: &[(&str, &str, &str)] = &[
    ("job_nystartsjobb", "hired", "job_nystartsjobb"),
    ("seeking", "later", "studies_komvux"),
];

/// A finished internship's first Monday and last Friday: twelve weeks, ended fourteen and
/// fifteen weeks before the demo's week (so the three-month follow-up has fallen due).
fn finished_period(today: NaiveDate, k: usize) -> (NaiveDate, NaiveDate) {
    let start = brygga_domain::calendar::week_start(today) - Days::new(7 * (26 + k as u64));
    (start, start + Days::new(7 * 12 - 3))
}

/// Participants whose cases are shared with the demo employment-service officer.
const SHARED_CASES: &[usize] = &[0, 4, 5, 8, 12];
/// How many participants (the first ones) are in the cohort.
const IN_COHORT: usize = 24;

/// Workplace accommodations some participants need (they match the special needs above).
const NEEDED_ACCOMMODATIONS: &[(usize, &str)] = &[
    (2, "written_instructions"),
    (23, "quiet_room"),
    (34, "written_instructions"),
];

const SPECIAL_NEEDS: &[(usize, &str)] = &[
    (2, "Behöver skriftliga instruktioner."),
    (
        11,
        "Föredrar arbetspass på förmiddagen på grund av hämtning på förskola.",
    ),
    (23, "Behöver kunna ta korta pauser i ett lugnt rum."),
    (
        34,
        "Lätt hörselnedsättning; tydligt tal och skriftlig sammanfattning hjälper.",
    ),
];

// ---------------------------------------------------------------- helpers

fn data_bug(what: &str) -> StoreError {
    StoreError::Db(DbErr::Custom(format!("demo data: {what}")))
}

/// Luhn (weights 2, 1, 2, … from the left) check digit over nine digits, as for personnummer
/// and organisationsnummer.
fn luhn_check_digit(nine: &[u8; 9]) -> u8 {
    let sum: u32 = nine
        .iter()
        .enumerate()
        .map(|(i, &d)| {
            let p = u32::from(d) * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn digits_string(d: &[u8]) -> String {
    d.iter().map(|d| char::from(b'0' + d % 10)).collect()
}

/// A constructed organisation number `P09999-NNNC`: first digit by kind of organisation, third
/// digit 9 (a legal entity), serial `seq`, Luhn check digit.
fn org_number(prefix: u8, seq: u32) -> String {
    let nine = [
        prefix % 10,
        0,
        9,
        9,
        9,
        9,
        (seq / 100 % 10) as u8,
        (seq / 10 % 10) as u8,
        (seq % 10) as u8,
    ];
    let c = luhn_check_digit(&nine);
    let mut all = nine.to_vec();
    all.push(c);
    let s = digits_string(&all);
    format!("{}-{}", &s[..6], &s[6..])
}

/// Personnummer from the Swedish Tax Agency's published test-number series (Skatteverket's
/// "testpersonnummer"), which are never assigned to real people: (date, birth number and check
/// digit). Women (even birth number 238) and men (odd, 239) separately.
const TEST_PNR_WOMEN: [&str; 20] = [
    "19900321-2389",
    "19900405-2388",
    "19900417-2384",
    "19900503-2389",
    "19900514-2386",
    "19900608-2383",
    "19900622-2385",
    "19900707-2383",
    "19900719-2389",
    "19900804-2385",
    "19900823-2382",
    "19900912-2384",
    "19901006-2389",
    "19901026-2385",
    "19901105-2389",
    "19970104-2385",
    "19970311-2384",
    "19980220-2383",
    "20040520-2383",
    "20050420-2383",
];
const TEST_PNR_MEN: [&str; 20] = [
    "19900322-2396",
    "19900409-2392",
    "19900425-2392",
    "19900507-2393",
    "19900519-2399",
    "19900603-2396",
    "19900615-2392",
    "19900701-2397",
    "19900728-2396",
    "19900810-2395",
    "19900827-2396",
    "19900917-2397",
    "19901002-2391",
    "19901019-2392",
    "19901103-2399",
    "19970105-2392",
    "19970214-2390",
    "19980305-2399",
    "20040203-2395",
    "20050111-2395",
];

/// The `k`-th test personnummer for a woman or a man.
fn test_personnummer(k: usize, female: bool) -> &'static str {
    let list = if female {
        &TEST_PNR_WOMEN
    } else {
        &TEST_PNR_MEN
    };
    list[k % list.len()]
}

/// The demo birth date of participant `i` (always a real date: days 1–28).
fn birth_date(i: usize) -> Option<NaiveDate> {
    let year = 1966 + (i * 7 % 37) as i32;
    let month = 1 + (i * 5 % 12) as u32;
    let day = 1 + (i * 11 % 28) as u32;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A phone number from the series PTS reserves for fiction (070-174 06 05 … 070-174 06 99);
/// empty once the series is used up.
fn fiction_phone(n: u32) -> String {
    if (5..=99).contains(&n) {
        format!("070-174 06 {n:02}")
    } else {
        String::new()
    }
}

/// Lower-case ASCII for an e-mail local part: "Karin Kontaktsson" → "karin.kontaktsson".
fn slug(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'å' | 'ä' | 'á' | 'à' => Some('a'),
            'ö' | 'ó' => Some('o'),
            'é' | 'è' => Some('e'),
            'ü' => Some('u'),
            ' ' => Some('.'),
            c if c.is_ascii_alphanumeric() || c == '-' => Some(c),
            _ => None,
        })
        .collect()
}

fn date(s: &str) -> Result<NaiveDate> {
    parse_date("date", s).map_err(|e| StoreError::Invalid(FieldErrors(vec![e])))
}

fn logins() -> Vec<(String, String)> {
    LOGINS
        .iter()
        .map(|(role, email, _, _)| (role.as_str().to_string(), (*email).to_string()))
        .collect()
}

fn login_email(role: Role) -> Result<&'static str> {
    LOGINS
        .iter()
        .find(|l| l.0 == role)
        .map(|l| l.1)
        .ok_or_else(|| data_bug("a role without login"))
}

fn employer_draft(i: usize, e: &EmployerSpec, next_phone: &mut u32) -> Result<EmployerDraft> {
    let mut phone = || {
        let p = fiction_phone(*next_phone);
        *next_phone += 1;
        p
    };
    let mut draft = EmployerDraft {
        name: e.name.into(),
        org_number: org_number(
            e.org_prefix,
            u32::try_from(i + 1).map_err(|_| data_bug("too many employers"))?,
        ),
        sector: e.sector.into(),
        agreement_status: e.agreement_status.into(),
        agreement_date: e.agreement_date.into(),
        notes: e.notes.into(),
        units: e
            .units
            .iter()
            .map(|(name, address, code)| UnitDraft {
                id: Default::default(),
                name: (*name).into(),
                address: (*address).into(),
                municipality_code: (*code).into(),
            })
            .collect(),
        contacts: e
            .contacts
            .iter()
            .map(|(name, title)| ContactDraft {
                id: Default::default(),
                name: (*name).into(),
                title: (*title).into(),
                email: format!("{}@{}.demo.brygga.se", slug(name), e.key),
                phone: phone(),
            })
            .collect(),
        supervisors: e
            .supervisors
            .iter()
            .map(|(name, training)| SupervisorDraft {
                id: Default::default(),
                name: (*name).into(),
                email: format!("{}@{}.demo.brygga.se", slug(name), e.key),
                phone: phone(),
                training_status: (*training).into(),
            })
            .collect(),
    };
    // The first employer's first contact person and first supervisor are the demo logins.
    if i == 0 {
        if let Some(c) = draft.contacts.first_mut() {
            c.email = login_email(Role::EmployerContact)?.into();
        }
        if let Some(s) = draft.supervisors.first_mut() {
            s.email = login_email(Role::Supervisor)?.into();
        }
    }
    Ok(draft)
}

fn placement_draft(p: &PlacementSpec, employer_id: i32) -> Result<PlacementDraft> {
    let unit = EMPLOYERS
        .get(p.employer)
        .and_then(|e| e.units.get(p.unit))
        .ok_or_else(|| data_bug("placement at an unknown unit"))?;
    Ok(PlacementDraft {
        employer_id: employer_id.to_string(),
        title: p.title.into(),
        ssyk_code: p.ssyk.into(),
        tasks: p.tasks.into(),
        required_skills: vec![p.required.into()],
        desired_skills: vec![p.desired.into()],
        min_swedish: p.swedish.into(),
        other_languages: p
            .other_languages
            .iter()
            .map(|(l, c)| LanguageSkill {
                language: (*l).into(),
                level: (*c).into(),
            })
            .collect(),
        education_level: p.education.into(),
        driving_licence: p.licence.into(),
        days_per_week: p.days.into(),
        hours_per_week: p.hours.into(),
        municipality_code: unit.2.into(),
        address: format!("{}, {}", unit.0, unit.1),
        period_start: p.start.into(),
        period_end: p.end.into(),
        places: p.places.into(),
        accommodations: p.accommodations.iter().map(|a| (*a).to_string()).collect(),
        status: p.status.into(),
    })
}

fn participant_draft(
    i: usize,
    s: &PersonSpec,
    programme: i32,
    cohort: i32,
) -> Result<ParticipantDraft> {
    const SWEDISH: &[&str] = &["A1", "A2", "A2", "B1", "A2", "B1", "B2", "A1", "B1", "A2"];
    const MUNICIPALITY: &[&str] = &["1480", "1480", "1401", "1480", "1402"];
    const COMMUTE: &[&str] = &["10", "15", "20", "25", "30", "40", "50", "60"];
    const DAYS: &[&[&str]] = &[
        &["mon", "tue", "wed", "thu", "fri"],
        &["mon", "tue", "wed", "thu"],
        &["mon", "tue", "wed", "thu", "fri"],
        &["mon", "wed", "fri"],
        &["tue", "wed", "thu", "fri"],
    ];
    let pick = |list: &[&'static str], n: usize| {
        list.get(n % list.len().max(1)).copied().unwrap_or_default()
    };
    let birth = birth_date(i).ok_or_else(|| data_bug("birth date"))?;
    // Every other participant has a personnummer (from the tax agency's test series; the birth
    // year follows from it). The others give only their birth year.
    let (personnummer, birth_year) = if i.is_multiple_of(2) {
        (
            test_personnummer(i / 2, s.female).to_string(),
            String::new(),
        )
    } else {
        (String::new(), chrono::Datelike::year(&birth).to_string())
    };
    // No Swedish level assessed yet for the last participant, who has just started sfi.
    let (swedish, sfi) = if i == PARTICIPANTS.len() - 1 {
        ("", "A")
    } else {
        let level = pick(SWEDISH, i);
        (
            level,
            match level {
                "A1" => "B",
                "A2" => "C",
                "B1" => "D",
                _ => "",
            },
        )
    };
    let licence = match i {
        9 => "CE",
        21 => "C",
        _ if i % 4 == 1 => "B",
        _ => "none",
    };
    let eligibility = match i % 10 {
        6 | 7 => "pending",
        8 => "unknown",
        9 if i == 19 => "not_eligible",
        _ => "eligible",
    };
    let mut consents = vec!["registry".to_string()];
    if i % 8 != 7 {
        consents.push("share_with_employers".into());
    }
    if i % 11 != 7 {
        consents.push("statistics".into());
    }
    if i.is_multiple_of(3) {
        consents.push("contact_by_email".into());
    }
    let email = if i == 0 {
        login_email(Role::Participant)?.to_string()
    } else if i % 6 == 5 {
        String::new()
    } else {
        format!("{}.{}@demo.brygga.se", slug(s.first), slug(s.last))
    };
    Ok(ParticipantDraft {
        programme_id: programme.to_string(),
        cohort_id: if i < IN_COHORT {
            cohort.to_string()
        } else {
            String::new()
        },
        first_name: s.first.into(),
        last_name: s.last.into(),
        personnummer,
        email,
        phone: fiction_phone(5 + u32::try_from(i).map_err(|_| data_bug("too many participants"))?),
        municipality_code: pick(MUNICIPALITY, i).into(),
        gender: if s.female { "female" } else { "male" }.into(),
        birth_year,
        swedish_level: swedish.into(),
        languages: s
            .languages
            .iter()
            .map(|(l, c)| LanguageSkill {
                language: (*l).into(),
                level: (*c).into(),
            })
            .collect(),
        sfi_level: sfi.into(),
        education_level: s.education.into(),
        education_field: s.field.into(),
        education_country: if s.education == "none" {
            String::new()
        } else {
            s.country.into()
        },
        experience: s
            .experience
            .iter()
            .map(|(code, years)| Experience {
                occupation: (*code).into(),
                years: (*years).into(),
                country: s.country.into(),
            })
            .collect(),
        skills: vec![s.skills.into()],
        wished_occupations: s.wished.iter().map(|w| (*w).to_string()).collect(),
        available_days: DAYS
            .get(i % DAYS.len())
            .copied()
            .unwrap_or_default()
            .iter()
            .map(|d| (*d).to_string())
            .collect(),
        max_commute_km: pick(COMMUTE, i).into(),
        driving_licence: licence.into(),
        special_needs: SPECIAL_NEEDS
            .iter()
            .find(|(n, _)| *n == i)
            .map(|(_, t)| (*t).to_string())
            .unwrap_or_default(),
        needed_accommodations: NEEDED_ACCOMMODATIONS
            .iter()
            .find(|(n, _)| *n == i)
            .map(|(_, a)| vec![(*a).to_string()])
            .unwrap_or_default(),
        eligibility: eligibility.into(),
        consents,
    })
}

// ---------------------------------------------------------------- loading

/// Load the demo data unless it is already there. `today` is the date identity numbers are
/// validated against.
pub async fn load(store: &Store, today: NaiveDate, public_url: &str) -> Result<DemoSummary> {
    let summary = |created| DemoSummary {
        logins: logins(),
        password: DEMO_PASSWORD,
        created,
    };
    let sys = Actor::system_for("demo");
    if store
        .org_find(&sys, OrgKind::Region, REGION_NAME)
        .await?
        .is_some()
    {
        return Ok(summary(false));
    }
    let refdata = RefData::load().map_err(|e| StoreError::Db(DbErr::Custom(e.to_string())))?;

    // The organisation tree.
    let region = store
        .org_create(&sys, OrgKind::Region, REGION_NAME, None, None)
        .await?;
    let mut programme = None;
    for (n, (code, name)) in MUNICIPALITIES.iter().enumerate() {
        let m = store
            .org_create(
                &sys,
                OrgKind::Municipality,
                &format!("{name} (demo)"),
                Some(region),
                Some(code),
            )
            .await?;
        if n == 0 {
            programme = Some((
                store
                    .org_create(
                        &sys,
                        OrgKind::Programme,
                        PROGRAMME_NAME,
                        Some(m),
                        Some(code),
                    )
                    .await?,
                *code,
            ));
        }
    }
    let (programme, code) = programme.ok_or_else(|| data_bug("no municipality"))?;
    let cohort = store
        .org_create(
            &sys,
            OrgKind::Cohort,
            COHORT_NAME,
            Some(programme),
            Some(code),
        )
        .await?;

    // Employers.
    let mut next_phone = 5 + PARTICIPANTS.len() as u32;
    let mut employers = Vec::with_capacity(EMPLOYERS.len());
    for (i, e) in EMPLOYERS.iter().enumerate() {
        let input = employer_draft(i, e, &mut next_phone)?
            .validate(&refdata, today)
            .map_err(StoreError::Invalid)?;
        employers.push(store.employer_create(&sys, &input).await?);
    }
    let first_employer = *employers.first().ok_or_else(|| data_bug("no employer"))?;

    // Placements.
    let (running_start, running_end) = running_period(today);
    let mut placements = Vec::with_capacity(PLACEMENTS.len());
    for (i, p) in PLACEMENTS.iter().enumerate() {
        let employer_id = *employers
            .get(p.employer)
            .ok_or_else(|| data_bug("placement of an unknown employer"))?;
        let mut draft = placement_draft(p, employer_id)?;
        if i == RUNNING.1 {
            draft.period_start = running_start.to_string();
            draft.period_end = running_end.to_string();
        }
        let input = draft.validate(&refdata).map_err(StoreError::Invalid)?;
        placements.push(store.placement_create(&sys, &input).await?);
    }

    // Participants.
    let mut participants = Vec::with_capacity(PARTICIPANTS.len());
    for (i, s) in PARTICIPANTS.iter().enumerate() {
        let input = participant_draft(i, s, programme, cohort)?
            .validate(&refdata, today)
            .map_err(StoreError::Invalid)?;
        participants.push(store.participant_create(&sys, &input).await?);
    }
    let participant = |i: usize| {
        participants
            .get(i)
            .copied()
            .ok_or_else(|| data_bug("unknown participant"))
    };
    let placement = |i: usize| {
        placements
            .get(i)
            .copied()
            .ok_or_else(|| data_bug("unknown placement"))
    };

    // One login per role.
    let mut users = Vec::with_capacity(LOGINS.len());
    for (role, email, name, home) in LOGINS {
        let orgs: &[i32] = match home {
            Home::Region => &[region],
            Home::Programme => &[programme],
            Home::Nowhere => &[],
        };
        let employer_id = (*role == Role::EmployerContact).then_some(first_employer);
        let id = store
            .user_create(
                &sys,
                NewUser {
                    email,
                    name,
                    role: *role,
                    org_ids: orgs,
                    employer_id,
                    password: DEMO_PASSWORD,
                },
            )
            .await?;
        users.push((*role, id));
    }
    let user = |role: Role| {
        users
            .iter()
            .find(|u| u.0 == role)
            .map(|u| u.1)
            .ok_or_else(|| data_bug("a role without user"))
    };

    // The supervisor login is the first employer's first supervisor.
    let supervisor_name = LOGINS
        .iter()
        .find(|l| l.0 == Role::Supervisor)
        .map(|l| l.2)
        .unwrap_or_default();
    let supervisor = store
        .employer_get(&sys, first_employer)
        .await?
        .supervisors
        .into_iter()
        .find(|s| s.name == supervisor_name)
        .ok_or_else(|| data_bug("the demo supervisor is missing"))?;
    store
        .supervisor_link_user(&sys, supervisor.id, user(Role::Supervisor)?)
        .await?;
    store
        .participant_link_user(&sys, participant(0)?, user(Role::Participant)?)
        .await?;

    // Candidates proposed to the first employer; the two interns were proposed to their
    // placement too, so the employer contact sees them as well.
    for (who, to) in PROPOSALS {
        store
            .propose_candidate(&sys, participant(*who)?, placement(*to)?)
            .await?;
    }
    for (who, start, end) in INTERNSHIPS {
        let (who, at) = (participant(*who)?, placement(INTERNSHIP_PLACEMENT)?);
        store.propose_candidate(&sys, who, at).await?;
        // GR's pattern: about three days a week at the workplace.
        let input = brygga_domain::internship::InternshipInput {
            placement_id: at,
            supervisor_id: Some(supervisor.id),
            start_date: date(start)?,
            end_date: date(end)?,
            days_per_week: 3,
            hours_per_week: None,
        };
        store.internship_create(&sys, who, &input).await?;
    }
    let running_internship = running(
        store,
        &sys,
        today,
        participant(RUNNING.0)?,
        placement(RUNNING.1)?,
        supervisor.id,
        user(Role::Coordinator)?,
    )
    .await?;
    learning(
        store,
        &sys,
        today,
        running_internship,
        programme,
        [
            user(Role::Coordinator)?,
            user(Role::Supervisor)?,
            user(Role::Participant)?,
        ],
    )
    .await?;
    let officer = user(Role::EsOfficer)?;
    for who in SHARED_CASES {
        store.case_share(&sys, participant(*who)?, officer).await?;
    }
    journeys(store, &sys, today, &participant, &placement).await?;
    courses(
        store,
        &sys,
        programme,
        user(Role::EducationProvider)?,
        running_start,
        &participant,
    )
    .await?;
    events(store, &sys, today, programme, &employers, &participant).await?;
    lessons(store, today, programme, user(Role::Coordinator)?).await?;
    for (k, (who, reissue)) in FINISHED.iter().enumerate() {
        finished(
            store,
            &sys,
            today,
            (&refdata, public_url),
            participant(*who)?,
            placement(INTERNSHIP_PLACEMENT)?,
            supervisor.id,
            k,
            *reissue,
            [user(Role::Coordinator)?, user(Role::Supervisor)?],
        )
        .await?;
    }
    follow_up(
        store,
        today,
        user(Role::Coordinator)?,
        &[participant(FINISHED[0].0)?, participant(FINISHED[1].0)?],
    )
    .await?;
    gain(store, today, programme, user(Role::ProgrammeManager)?).await?;
    Ok(summary(true))
}

/// The internship running today, made as a coordinator makes one: proposed, internship
/// recorded, GR's schedule template applied, and a follow-up meeting booked a week ahead by the
/// demo coordinator with the intern and her supervisor invited (the demo mails nobody).
async fn running(
    store: &Store,
    sys: &Actor,
    today: NaiveDate,
    who: i32,
    at: i32,
    supervisor_id: i32,
    coordinator: i32,
) -> Result<i32> {
    use brygga_domain::meeting::MeetingDraft;
    use brygga_domain::schedule::TemplateDraft;
    let (start, end) = running_period(today);
    let booker = store
        .actor(coordinator)
        .await?
        .ok_or_else(|| data_bug("the demo coordinator is missing"))?;
    let midnight = |d: NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .map(|t| t.and_utc())
            .ok_or_else(|| data_bug("midnight"))
    };
    // The coordinator's stages: prepared, then in the pool of candidates.
    let programme = store.participant_get(sys, who).await?.programme_id;
    let map = store.process_map(sys, programme).await?;
    for (key, note) in [
        ("preparing", "Första mötet hållet; yrkessvenska planerad."),
        ("matching", "Med i kandidatpoolen."),
    ] {
        let stage = map
            .stages
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.id)
            .ok_or_else(|| data_bug("a default stage is missing"))?;
        store.journey_move(sys, who, stage, note).await?;
    }
    // The seeds' order: eligibility confirmed with the employment service, then the interview
    // (passed), then the decision, a month before the start.
    store
        .eligibility_confirm(
            sys,
            who,
            &ConfirmationInput {
                officer_name: "Maria Handläggarsson (fiktiv)".into(),
                confirmed_on: start - Days::new(35),
                note: String::new(),
            },
        )
        .await?;
    let proposal = store.propose(sys, who, at, "").await?;
    // Everyone the booking form suggests (the employer's people and the coordinator).
    let attendees: Vec<[String; 3]> = store
        .interview_attendee_suggestions(&booker, proposal)
        .await?
        .into_iter()
        .map(|a| [a.name, a.email, a.role.as_str().to_string()])
        .collect();
    let day = start - Days::new(28);
    let interview = brygga_domain::interview::InterviewDraft {
        starts_at: format!("{day}T10:00"),
        ends_at: format!("{day}T10:45"),
        location: "Hemtjänst Centrum, Provvägen 4, Göteborg".into(),
        meeting_link: String::new(),
        notes: String::new(),
        attendees,
    }
    .validate(midnight(day - Days::new(7))?)
    .map_err(StoreError::Invalid)?;
    let interview = store
        .interview_book(&booker, proposal, &interview, &|_, _| None)
        .await?;
    store
        .interview_outcome(
            &booker,
            interview,
            1,
            InterviewOutcome::Passed,
            "Lugn och tydlig; har erfarenhet från äldreomsorg.",
        )
        .await?;
    store
        .es_decision_register(
            sys,
            who,
            &DecisionInput {
                reference: format!("Af-2026/{:06}", 4711 + INTERNSHIPS.len()),
                decision_date: start - Days::new(21),
                period_start: start,
                period_end: end,
                insured: true,
                compensation: Compensation::Aktivitetsstod,
                note: String::new(),
            },
        )
        .await?;
    let input = brygga_domain::internship::InternshipInput {
        placement_id: at,
        supervisor_id: Some(supervisor_id),
        start_date: start,
        end_date: end,
        days_per_week: 3,
        hours_per_week: None,
    };
    let internship = store.internship_create(sys, who, &input).await?;
    store
        .schedule_apply_template(sys, who, &TemplateDraft::suggested())
        .await?;
    let invited: Vec<String> = store
        .meeting_invitee_suggestions(&booker, who)
        .await?
        .iter()
        .filter(|s| s.user_id != coordinator)
        .map(|s| s.user_id.to_string())
        .collect();
    let day = today + Days::new(7);
    let draft = MeetingDraft {
        kind: "follow_up".into(),
        starts_at: format!("{day}T10:00"),
        ends_at: format!("{day}T11:00"),
        location: "Hemtjänsten, personalrummet".into(),
        meeting_link: String::new(),
        internship_id: internship.to_string(),
        invitee_user_ids: invited,
        guest_names: vec![],
        guest_emails: vec![],
    };
    let meeting = draft
        .validate(midnight(today)?, true)
        .map_err(StoreError::Invalid)?;
    store
        .meeting_book(&booker, who, &meeting, &|_, _| None)
        .await?;
    Ok(internship)
}

/// Halfway through the running internship, as its people make it: the programme's checklist
/// template kept by the system, the checklist drawn and adapted by the coordinator, three
/// criteria ticked by the supervisor, two log entries by the intern (one in Arabic) with the
/// supervisor's comment, the supervisor's signed mid-point assessment and the intern's own, and
/// two steps of her development plan.
async fn learning(
    store: &Store,
    sys: &Actor,
    today: NaiveDate,
    internship: i32,
    programme: i32,
    [coordinator, supervisor, intern]: [i32; 3],
) -> Result<()> {
    use brygga_domain::learning::{
        AssessmentDraft, AssessmentKind, Assessor, CriterionDraft, LogEntryDraft, StepDraft,
        TickDraft,
    };
    let actor = |id: i32| async move {
        store
            .actor(id)
            .await?
            .ok_or_else(|| data_bug("a demo login is missing"))
    };
    let (coordinator, supervisor, intern) = (
        actor(coordinator).await?,
        actor(supervisor).await?,
        actor(intern).await?,
    );
    store
        .checklist_template_set(
            sys,
            programme,
            "Arbetsmiljö och säkerhet: Följer rutinerna för hygien och skyddsutrustning\n\
             Språk på arbetsplatsen: Använder yrkesorden vid överlämningen\n\
             Språk på arbetsplatsen: Frågar när något är oklart",
        )
        .await?;
    let sv = brygga_i18n::I18n::new(brygga_i18n::Lang::Sv);
    store
        .checklist_draw(
            &coordinator,
            internship,
            &sv.t("learning-goal-tasks"),
            &sv.t("learning-goal-skills"),
        )
        .await?;
    let own = CriterionDraft {
        goal: "Bemötande".into(),
        criterion: "Presenterar sig och förklarar vad hon ska göra när hon kommer till en brukare"
            .into(),
    }
    .validate()
    .map_err(StoreError::Invalid)?;
    store.criterion_add(&coordinator, internship, &own).await?;
    let checklist = store.checklist(&supervisor, internship).await?;
    let ticks = [
        ("achieved", 21, "Följer rutinerna utan påminnelse."),
        (
            "in_progress",
            14,
            "Använder orden men blandar ibland ihop dem.",
        ),
        ("achieved", 7, ""),
    ];
    for (c, (status, ago, comment)) in checklist.criteria.iter().zip(ticks) {
        let tick = TickDraft {
            status: status.into(),
            on: (today - Days::new(ago)).to_string(),
            comment: comment.into(),
        }
        .validate(today)
        .map_err(StoreError::Invalid)?;
        store
            .criterion_tick(&supervisor, internship, c.id, &tick, today)
            .await?;
    }
    let entries = [
        LogEntryDraft {
            did: "Följde med på fyra hembesök. Handlade åt Greta och dammsög hos Olle.".into(),
            learned: "Att man alltid skriver i journalen innan man går vidare.".into(),
            words: "överlämning, brukare, signera".into(),
            share: "on".into(),
        },
        LogEntryDraft {
            did: "ساعدت في تحضير الغداء لثلاثة من المسنين.".into(),
            learned: "تعلمت كيف أقيس الضغط مع المشرفة.".into(),
            words: "blodtryck – ضغط الدم, förkläde – مريلة".into(),
            share: String::new(),
        },
    ];
    let mut first = None;
    for e in entries {
        let e = e.validate(false).map_err(StoreError::Invalid)?;
        let id = store
            .progress_entry_add(&intern, internship, &e, None)
            .await?;
        first = first.or(Some(id));
    }
    if let Some(entry) = first {
        store
            .progress_comment_add(
                &supervisor,
                internship,
                entry,
                "Bra! Journalen är viktig, fortsätt så.",
            )
            .await?;
    }
    // The mid-point assessments: the supervisor's signed, the intern's own saved.
    let rated = store.assessment_rated(&supervisor, internship).await?;
    for (who, assessor) in [
        (&supervisor, Assessor::Supervisor),
        (&intern, Assessor::Participant),
    ] {
        let mut draft = AssessmentDraft::default();
        for (n, r) in rated.iter().enumerate() {
            let level = if n % 3 == 1 { 2 } else { 3 };
            draft.levels.insert(r.key(), level.to_string());
            let evidence = match assessor {
                Assessor::Supervisor if level == 2 => "Klarar det när jag finns med och påminner.",
                Assessor::Supervisor => "Gör det självständigt på hembesöken.",
                Assessor::Participant => "",
            };
            draft.evidence.insert(r.key(), evidence.into());
        }
        let ratings = draft
            .validate(&rated, Some(assessor))
            .map_err(StoreError::Invalid)?;
        store
            .assessment_save(who, internship, AssessmentKind::Mid, 0, &ratings, today)
            .await?;
    }
    store
        .assessment_sign(
            &supervisor,
            internship,
            AssessmentKind::Mid,
            1,
            today,
            |_| Ok(()),
        )
        .await?;
    let participant = store.internship(sys, internship).await?.participant_id;
    for (text, owner, weeks) in [
        (
            "Öva på yrkesorden för hemtjänsten tio minuter om dagen.",
            "participant",
            2,
        ),
        (
            "Boka ett samtal med arbetsgivaren om anställning efter praktiken.",
            "coordinator",
            5,
        ),
    ] {
        let step = StepDraft {
            step: text.into(),
            owner: owner.into(),
            due_on: (today + Days::new(7 * weeks)).to_string(),
        }
        .validate()
        .map_err(StoreError::Invalid)?;
        store.step_add(&coordinator, participant, &step).await?;
    }
    Ok(())
}

/// Two entries in the programme's log of lessons and challenges, by the coordinator.
async fn lessons(store: &Store, today: NaiveDate, programme: i32, coordinator: i32) -> Result<()> {
    use brygga_domain::lesson::LessonDraft;
    let coordinator = store
        .actor(coordinator)
        .await?
        .ok_or_else(|| data_bug("the demo coordinator is missing"))?;
    for (kind, ago, text, action) in [
        (
            "challenge",
            30,
            "Svårt att få tag på handledare under semesterperioden; två praktikstarter flyttades.",
            "Boka handledarutbildningen före sommaren och fråga om en ersättare per arbetsplats.",
        ),
        (
            "lesson",
            9,
            "Deltagarna som gick förberedande yrkessvenska före starten kom snabbare in i arbetet.",
            "",
        ),
    ] {
        let d = LessonDraft {
            programme_id: programme.to_string(),
            kind: kind.into(),
            noted_on: (today - Days::new(ago)).to_string(),
            text: text.into(),
            action: action.into(),
        }
        .validate(today)
        .map_err(StoreError::Invalid)?;
        store.lesson_add(&coordinator, &d).await?;
    }
    Ok(())
}

/// A finished internship, as its people made it: recorded by the coordinator, the checklist
/// drawn and ticked by the supervisor, the end assessment signed on the last day, the leaving
/// recorded with the outcome at leaving and at the four-week call, and both certificates issued
/// and signed with the installation's key.
#[allow(clippy::too_many_arguments)]
async fn finished(
    store: &Store,
    sys: &Actor,
    today: NaiveDate,
    (refdata, public_url): (&RefData, &str),
    who: i32,
    at: i32,
    supervisor_id: i32,
    k: usize,
    reissue: bool,
    [coordinator, supervisor]: [i32; 2],
) -> Result<()> {
    use brygga_domain::exit::ExitDraft;
    use brygga_domain::learning::{AssessmentDraft, AssessmentKind, Assessor, TickDraft};
    let actor = |id: i32| async move {
        store
            .actor(id)
            .await?
            .ok_or_else(|| data_bug("a demo login is missing"))
    };
    let (coordinator, supervisor) = (actor(coordinator).await?, actor(supervisor).await?);
    let (start, end) = finished_period(today, k);
    store.propose_candidate(sys, who, at).await?;
    let input = brygga_domain::internship::InternshipInput {
        placement_id: at,
        supervisor_id: Some(supervisor_id),
        start_date: start,
        end_date: end,
        days_per_week: 3,
        hours_per_week: None,
    };
    let internship = store.internship_create(sys, who, &input).await?;
    let sv = brygga_i18n::I18n::new(brygga_i18n::Lang::Sv);
    store
        .checklist_draw(
            &coordinator,
            internship,
            &sv.t("learning-goal-tasks"),
            &sv.t("learning-goal-skills"),
        )
        .await?;
    let checklist = store.checklist(&supervisor, internship).await?;
    for c in &checklist.criteria {
        let tick = TickDraft {
            status: "achieved".into(),
            on: (end - Days::new(7)).to_string(),
            comment: String::new(),
        }
        .validate(end)
        .map_err(StoreError::Invalid)?;
        store
            .criterion_tick(&supervisor, internship, c.id, &tick, end)
            .await?;
    }
    let rated = store.assessment_rated(&supervisor, internship).await?;
    let mut draft = AssessmentDraft::default();
    for (n, r) in rated.iter().enumerate() {
        let level = if (n + k).is_multiple_of(4) { 4 } else { 3 };
        draft.levels.insert(r.key(), level.to_string());
        let evidence = if level == 4 {
            "Gör det självständigt och visar nya kollegor hur."
        } else {
            "Gör det självständigt, rätt och i tid under hela praktiken."
        };
        draft.evidence.insert(r.key(), evidence.into());
    }
    let ratings = draft
        .validate(&rated, Some(Assessor::Supervisor))
        .map_err(StoreError::Invalid)?;
    store
        .assessment_save(
            &supervisor,
            internship,
            AssessmentKind::End,
            0,
            &ratings,
            end,
        )
        .await?;
    store
        .assessment_sign(&supervisor, internship, AssessmentKind::End, 1, end, |_| {
            Ok(())
        })
        .await?;
    // Her coordinator records the internship's end, as the page does.
    let version = store.internship(&coordinator, internship).await?.version;
    store
        .internship_end(
            &coordinator,
            internship,
            version,
            &brygga_domain::internship::EndInput {
                reason: brygga_domain::internship::EndReason::Completed,
                ended_on: end,
                note: String::new(),
            },
        )
        .await?;
    let left = ExitDraft {
        left_on: end.to_string(),
        exit_reason: "completed".into(),
        exit_note: String::new(),
    }
    .validate(today)
    .map_err(StoreError::Invalid)?;
    store.participant_exit_set(sys, who, &left).await?;
    let (at_exit, hire, at_week4) = FINISHED_OUTCOMES
        .get(k)
        .copied()
        .ok_or_else(|| data_bug("an outcome for each finished internship"))?;
    for (point, status, source, hire, on) in [
        ("exit", at_exit, "coordinator", hire, end),
        ("week4", at_week4, "call", "", end + Days::new(27)),
    ] {
        let outcome = brygga_domain::outcome::OutcomeDraft {
            point: point.into(),
            status: status.into(),
            source: source.into(),
            recorded_on: on.to_string(),
            hire: hire.into(),
            note: String::new(),
        }
        .validate(today, end)
        .map_err(StoreError::Invalid)?;
        store.outcome_set(&coordinator, who, &outcome).await?;
    }
    let issue = |kind: &'static str| {
        let coordinator = &coordinator;
        async move {
            brygga_app::certificate::issue_in(
                store,
                refdata,
                public_url,
                coordinator,
                internship,
                kind,
            )
            .await
            .map_err(|e| data_bug(&format!("a certificate: {e}")))
        }
    };
    if reissue {
        let first = issue("internship").await?;
        let version = store.certificate(&coordinator, first).await?.0.version;
        store
            .certificate_revoke(
                &coordinator,
                first,
                "Fel slutdatum angivet; ersatt av ett nytt intyg.",
                version,
            )
            .await?;
    }
    issue("internship").await?;
    issue("competence").await?;
    Ok(())
}

/// The finished cohort's surveys, through the same calls as the coordinator's "send again" and
/// the worker's daily run (the demo mails nobody, so no letter is written): the first answered
/// the exit questionnaire (sent again by her coordinator, late); the three-month surveys went
/// out, and the second answered hers (she started komvux), so the first is on the
/// coordinator's follow-up list.
async fn follow_up(
    store: &Store,
    today: NaiveDate,
    coordinator: i32,
    finished: &[i32; 2],
) -> Result<()> {
    use brygga_domain::outcome::FollowUpPoint;
    use brygga_domain::survey::SurveyAnswerDraft;
    let coordinator = store
        .actor(coordinator)
        .await?
        .ok_or_else(|| data_bug("the demo coordinator"))?;
    let answer = |token: String, d: SurveyAnswerDraft| async move {
        match brygga_app::survey::answer(store, &token, &d)
            .await
            .map_err(|e| data_bug(&format!("a survey answer: {e}")))?
        {
            Ok(()) => Ok(()),
            Err(_) => Err(data_bug("a survey link that takes no answer")),
        }
    };
    let exit = store
        .survey_send(
            &coordinator,
            finished[0],
            FollowUpPoint::Exit,
            "sv",
            &|_| None,
        )
        .await?;
    answer(
        exit.token,
        SurveyAnswerDraft {
            status: "job_nystartsjobb".into(),
            benefit: "5".into(),
            swedish: "4".into(),
            closer: "5".into(),
            comment: "Handledaren visade mig allt. Nu jobbar jag kvar på boendet.".into(),
        },
    )
    .await?;
    store.surveys_queue(today, &|_| None).await?;
    let month3 = store
        .survey_send(
            &coordinator,
            finished[1],
            FollowUpPoint::Month3,
            "sv",
            &|_| None,
        )
        .await?;
    answer(
        month3.token,
        SurveyAnswerDraft {
            status: "studies_komvux".into(),
            comment: "Jag läser vård och omsorg på komvux.".into(),
            ..Default::default()
        },
    )
    .await
}

/// The programme manager's parameters for the socio-economic calculation: the product's
/// defaults, with what the finished cohort's places cost (the calculation itself uses the
/// value table's example values, which the page says).
async fn gain(store: &Store, today: NaiveDate, programme: i32, manager: i32) -> Result<()> {
    let manager = store
        .actor(manager)
        .await?
        .ok_or_else(|| data_bug("the demo programme manager"))?;
    let params = brygga_domain::gain::ParamsDraft::from(&brygga_domain::gain::Params::example())
        .validate()
        .map_err(StoreError::Invalid)?;
    let costs = brygga_domain::gain::CostDraft {
        cost_municipality: "90 000".into(),
        cost_state: "60 000".into(),
        ..Default::default()
    }
    .validate()
    .map_err(StoreError::Invalid)?;
    store
        .gain_settings_set(&manager, programme, 0, &params, &costs)
        .await?;
    project(store, today, programme, &manager).await
}

/// The programme as the project it runs as: its (fictional) number, period, budget, planned
/// participants and goals, which its dashboard measures.
async fn project(store: &Store, today: NaiveDate, programme: i32, manager: &Actor) -> Result<()> {
    use brygga_domain::project::{GoalDraft, ProjectDraft};
    let year = today.year();
    let data = ProjectDraft {
        project_number: "2025/00417 (fiktivt)".into(),
        period_start: format!("{}-01-01", year - 1),
        period_end: format!("{}-12-31", year + 1),
        budget: "9 800 000".into(),
        co_financing: "2 450 000".into(),
        planned_women: "45".into(),
        planned_men: "35".into(),
        overall_goal: "Fler nyanlända kvinnor och män i arbete eller studier inom vård, \
            omsorg och service, genom praktik med utbildade handledare och yrkessvenska."
            .into(),
    }
    .validate()
    .map_err(StoreError::Invalid)?;
    store.project_set(manager, programme, 0, &data).await?;
    for (text, indicator, target) in PROJECT_GOALS {
        let goal = GoalDraft {
            text: text.to_string(),
            indicator: indicator.to_string(),
            target: target.to_string(),
        }
        .validate()
        .map_err(StoreError::Invalid)?;
        store.goal_add(manager, programme, &goal).await?;
    }
    Ok(())
}

/// The courses beside the internship, as GR runs them: two weeks of preparatory vocational
/// Swedish before the start (completed by the interns), then vocational Swedish half a day a
/// week, taught by the demo education provider; the participant login is enrolled too.
async fn courses(
    store: &Store,
    sys: &Actor,
    programme: i32,
    teacher: i32,
    running_start: NaiveDate,
    participant: &impl Fn(usize) -> Result<i32>,
) -> Result<()> {
    use brygga_domain::course::{
        AttendanceMark, CourseDraft, EnrolmentStatus, ProgressNoteDraft, SessionDraft,
    };
    let interns: Vec<usize> = INTERNSHIPS.iter().map(|(who, _, _)| *who).collect();
    // The vocational Swedish group runs on Wednesday mornings, GR's Swedish half day, from the
    // running internship's first week; the later interns join it.
    // It lasts until the later interns' end, or the running internship's if later.
    let swedish_from = (running_start + Days::new(2)).to_string();
    let swedish_until = date("2027-05-26")?
        .max(running_start + Days::new(7 * RUNNING_WEEKS - 3))
        .to_string();
    let specs: [(&str, &str, &str, &str, i64); 2] = [
        (
            "preparatory",
            "Förberedande yrkessvenska inför praktiken",
            "2027-01-18",
            "2027-01-29",
            1,
        ),
        (
            "vocational_swedish",
            "Yrkessvenska för vård och omsorg",
            &swedish_from,
            &swedish_until,
            7,
        ),
    ];
    for (n, (kind, name, start, end, every)) in specs.iter().enumerate() {
        let input = CourseDraft {
            programme_id: programme.to_string(),
            course_kind: (*kind).into(),
            name: (*name).into(),
            location: "Folkuniversitetet, Kungsgatan 2, Göteborg".into(),
            course_start: (*start).into(),
            course_end: (*end).into(),
            course_capacity: "15".into(),
            teacher_ids: vec![teacher.to_string()],
        }
        .validate()
        .map_err(StoreError::Invalid)?;
        let course = store.course_create(sys, &input).await?;
        let mut day = input.start_date;
        let mut sessions = vec![];
        while day <= input.end_date {
            // Weekdays only: the preparatory course every day, the other once a week.
            if chrono::Datelike::weekday(&day).number_from_monday() <= 5 {
                let (from, to) = if n == 0 {
                    ("09:00", "12:00")
                } else {
                    ("08:30", "12:00")
                };
                let s = SessionDraft {
                    session_date: day.to_string(),
                    session_start: from.into(),
                    session_end: to.into(),
                    session_topic: String::new(),
                }
                .validate((input.start_date, input.end_date))
                .map_err(StoreError::Invalid)?;
                sessions.push(store.course_session_add(sys, course, &s).await?);
            }
            day += chrono::Duration::days(*every);
        }
        let mut enrolled = vec![];
        let who: Vec<usize> = if n == 0 {
            interns.clone()
        } else {
            interns.iter().copied().chain([RUNNING.0]).collect()
        };
        for w in who {
            enrolled.push(store.course_enrol(sys, course, participant(w)?).await?);
        }
        if let Some(first) = sessions.first() {
            let marks: Vec<(i32, AttendanceMark)> = enrolled
                .iter()
                .map(|e| (*e, AttendanceMark::Present))
                .collect();
            store
                .course_attendance_record(sys, course, *first, &marks)
                .await?;
        }
        if n == 0 {
            let note = ProgressNoteDraft {
                note_date: (*end).into(),
                note: "Klarar arbetsplatsens vanligaste ord och instruktioner.".into(),
            }
            .validate(input.end_date)
            .map_err(StoreError::Invalid)?;
            for e in &enrolled {
                store.course_note_add(sys, course, *e, &note).await?;
                store
                    .course_enrolment_status(sys, course, *e, 1, EnrolmentStatus::Completed)
                    .await?;
            }
        }
    }
    Ok(())
}

/// The journey part of the demo: the interns cleared with the employment service, the proposed
/// candidates moved on to the matching stage (so the board uses more than its first column and
/// the staircases show what each still needs), and interest from the portal in the inbox.
async fn journeys(
    store: &Store,
    sys: &Actor,
    today: NaiveDate,
    participant: &impl Fn(usize) -> Result<i32>,
    placement: &impl Fn(usize) -> Result<i32>,
) -> Result<()> {
    let days = |n: u64| today - Days::new(n);
    for (k, (who, start, end)) in INTERNSHIPS.iter().enumerate() {
        let pid = participant(*who)?;
        store
            .eligibility_confirm(
                sys,
                pid,
                &ConfirmationInput {
                    officer_name: "Maria Handläggarsson (fiktiv)".into(),
                    confirmed_on: days(14),
                    note: String::new(),
                },
            )
            .await?;
        store
            .es_decision_register(
                sys,
                pid,
                &DecisionInput {
                    reference: format!("Af-2026/{:06}", 4711 + k),
                    decision_date: days(10),
                    period_start: date(start)?,
                    period_end: date(end)?,
                    insured: true,
                    compensation: Compensation::Aktivitetsstod,
                    note: String::new(),
                },
            )
            .await?;
    }
    for (who, _) in PROPOSALS {
        let pid = participant(*who)?;
        let programme = store.participant_get(sys, pid).await?.programme_id;
        let map = store.process_map(sys, programme).await?;
        let stage = |key: &str| {
            map.stages
                .iter()
                .find(|s| s.key == key)
                .map(|s| s.id)
                .ok_or_else(|| data_bug("a default stage is missing"))
        };
        store
            .journey_move(sys, pid, stage("profiled")?, "Första mötet hållet.")
            .await?;
        store
            .journey_move(sys, pid, stage("matching")?, "Med i kandidatpoolen.")
            .await?;
    }
    for (name, email, languages, message, to) in INTERESTS {
        let input = InterestDraft {
            name: name.to_string(),
            email: email.to_string(),
            phone: String::new(),
            spoken_languages: languages.to_string(),
            interest_message: message.to_string(),
            interest_consent: "yes".into(),
        }
        .validate()
        .map_err(StoreError::Invalid)?;
        // A documentation address (TEST-NET-1), never a real client.
        store
            .interest_submit(placement(*to)?, &input, "sv", "192.0.2.10")
            .await?;
    }
    Ok(())
}

/// Interest from the public portal: (name, email, languages, message, placement).
const INTERESTS: &[(&str, &str, &str, &str, usize)] = &[
    (
        "Samira Intressesson",
        "samira.intressesson@example.org",
        "arabiska, svenska B1, engelska",
        "Jag har arbetat i kök i fem år i Aleppo och vill gärna göra praktik hos er.",
        1,
    ),
    (
        "Tomas Portalsson",
        "tomas.portalsson@example.org",
        "tigrinja, svenska A2",
        "Har körkort B och erfarenhet av lager.",
        2,
    ),
];

/// The events part of the demo: last autumn's supervisor training (two half-days) with its
/// attendance, which is what makes the supervisors trained or halfway (the employers' specs say
/// whom); the next round, with the booked supervisors registered; and a matching fair ahead, on
/// the open website, with employers at their tables, candidates registered by the coordinator
/// and one through the portal. Staff from the municipality and the employment service attended
/// the training too, so the staff register counts more than supervisors. The demo mails nobody.
async fn events(
    store: &Store,
    sys: &Actor,
    today: NaiveDate,
    programme: i32,
    employers: &[i32],
    participant: &impl Fn(usize) -> Result<i32>,
) -> Result<()> {
    use brygga_domain::course::AttendanceMark;
    use brygga_domain::event::{
        EventDraft, EventSessionDraft, MATCHING_FAIR, PersonDraft, PublicRegistrationDraft,
        SUPERVISOR_TRAINING,
    };
    use brygga_store::event::Who;
    let quiet = |_: &brygga_store::event::EventLetter| None;
    let kinds: Vec<String> = store
        .event_kinds()
        .await?
        .into_iter()
        .map(|k| k.key)
        .collect();
    let event = |kind: &str, title: &str, description: &str, capacity: u32, public: bool| {
        EventDraft {
            programme_id: programme.to_string(),
            kind: kind.into(),
            title: title.into(),
            description: description.into(),
            capacity: capacity.to_string(),
            audience: if kind == MATCHING_FAIR {
                vec!["participants".into(), "contacts".into()]
            } else {
                vec!["supervisors".into(), "managers".into(), "officers".into()]
            },
            public,
            slot_minutes: "15".into(),
            // At the fair each candidate meets every one of the four employers.
            meetings_per_candidate: "4".into(),
        }
        .validate(&kinds)
        .map_err(StoreError::Invalid)
    };
    let session = |day: NaiveDate, from: &str, to: &str, place: &str| {
        EventSessionDraft {
            session_date: day.to_string(),
            session_start: from.into(),
            session_end: to.into(),
            place: place.into(),
            link: String::new(),
        }
        .validate()
        .map_err(StoreError::Invalid)
    };
    const PLACE: &str = "Stadshuset, sal Bryggan, Exempelbygd";
    // The demo's "now": its day, in the morning (Swedish time).
    let at = |d: NaiveDate, t: &str| {
        chrono::NaiveTime::parse_from_str(t, "%H:%M")
            .ok()
            .and_then(|t| brygga_domain::calendar::stockholm_to_utc(d.and_time(t)))
            .ok_or_else(|| data_bug("a demo time"))
    };

    // Supervisors by their training in the employers' specs.
    let mut by_status: Vec<(i32, &str)> = vec![];
    for (e, spec) in employers.iter().zip(EMPLOYERS) {
        for s in store.employer_get(sys, *e).await?.supervisors {
            if let Some((_, status)) = spec.supervisors.iter().find(|(n, _)| *n == s.name) {
                by_status.push((s.id, status));
            }
        }
    }

    // Last autumn's training: two half-days.
    let training = store
        .event_create(
            sys,
            &event(
                SUPERVISOR_TRAINING,
                "Handledarutbildning, höstens omgång",
                "Två halvdagar om att ta emot en praktikant: introduktion, handledning, bedömning och validering (Validering Väst).",
                25,
                false,
            )?,
        )
        .await?;
    let first_day = today - Days::new(70);
    let mut halves = vec![];
    for day in [first_day, first_day + Days::new(7)] {
        halves.push(
            store
                .event_session_add(sys, training, &session(day, "08:30", "12:00", PLACE)?)
                .await?,
        );
    }
    let mut marks: [Vec<(i32, AttendanceMark)>; 2] = [vec![], vec![]];
    for (sup, status) in by_status
        .iter()
        .filter(|(_, s)| *s == "trained" || *s == "first_half_done")
    {
        let r = store
            .event_register(sys, training, Who::Supervisor(*sup), &quiet)
            .await?;
        marks[0].push((r.id, AttendanceMark::Present));
        let second = if *status == "trained" {
            AttendanceMark::Present
        } else {
            AttendanceMark::Excused
        };
        marks[1].push((r.id, second));
    }
    // Staff from the municipality and the employment service took part too.
    let staff = [
        (
            "Lena Ledningsdotter",
            "management",
            "female",
            "Exempelbygds kommun",
        ),
        (
            "Ali Arbetsförmedlarsson",
            "officer",
            "male",
            "Arbetsförmedlingen",
        ),
        (
            "Karin Chefsdotter",
            "manager",
            "female",
            "Exempelbygds äldreomsorg",
        ),
    ];
    for (n, (name, level, gender, org)) in staff.iter().enumerate() {
        let input = PersonDraft {
            name: (*name).into(),
            email: format!("personal{}@exempelbygd.example", n + 1),
            organisation: (*org).into(),
            role_level: (*level).into(),
            gender: (*gender).into(),
        }
        .validate()
        .map_err(StoreError::Invalid)?;
        let person = store.event_person_create(sys, programme, &input).await?;
        let r = store
            .event_register(sys, training, Who::Person(person), &quiet)
            .await?;
        for m in &mut marks {
            m.push((r.id, AttendanceMark::Present));
        }
    }
    for (half, m) in halves.iter().zip(&marks) {
        store
            .event_attendance_record(sys, training, *half, m)
            .await?;
    }
    // The next round, with the booked supervisors registered.
    let next = store
        .event_create(
            sys,
            &event(
                SUPERVISOR_TRAINING,
                "Handledarutbildning, vårens omgång",
                "Samma två halvdagar för nya handledare.",
                25,
                false,
            )?,
        )
        .await?;
    let next_day = today + Days::new(21);
    for day in [next_day, next_day + Days::new(7)] {
        store
            .event_session_add(sys, next, &session(day, "08:30", "12:00", PLACE)?)
            .await?;
    }
    for (sup, _) in by_status.iter().filter(|(_, s)| *s == "booked") {
        store
            .event_register(sys, next, Who::Supervisor(*sup), &quiet)
            .await?;
    }

    // The supervisors' genders, as the coordinator completes them in the register.
    for row in store.staff_register(sys).await?.people {
        if row.supervisor_id.is_none() {
            continue;
        }
        let female = row.name.ends_with("dotter") || row.name.starts_with("Greta");
        let input = PersonDraft {
            name: row.name.clone(),
            email: row.email.clone(),
            organisation: row.organisation.clone(),
            role_level: row.role_level.as_str().into(),
            gender: if female { "female" } else { "male" }.into(),
        }
        .validate()
        .map_err(StoreError::Invalid)?;
        store
            .event_person_update(sys, row.id, row.version, &input)
            .await?;
    }

    // The matching fair ahead: employers at their tables, candidates registered.
    let fair = store
        .event_create(
            sys,
            &event(
                MATCHING_FAIR,
                "Matchningsträff vård, omsorg och service",
                "Arbetsgivare som söker praktikanter berättar om sina arbetsplatser och träffar dig i korta samtal, 15 minuter vid varje bord.",
                30,
                true,
            )?,
        )
        .await?;
    store
        .event_session_add(
            sys,
            fair,
            &session(today + Days::new(10), "13:00", "15:00", PLACE)?,
        )
        .await?;
    for (e, tables) in employers.iter().zip([2, 1, 1, 1]) {
        store.fair_employer_add(sys, fair, *e, tables).await?;
    }
    for who in FAIR_CANDIDATES {
        store
            .event_register(sys, fair, Who::Participant(participant(*who)?), &quiet)
            .await?;
    }
    let portal = PublicRegistrationDraft {
        name: "Samira Portalsdotter".into(),
        email: "samira.portal@example.org".into(),
        phone: String::new(),
        consent: true,
    }
    .validate()
    .map_err(StoreError::Invalid)?;
    store
        .event_register_public(fair, &portal, "demo", at(today, "08:00")?, &quiet)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use brygga_domain::ids::{OrgNumber, Personnummer};
    use brygga_store::employer::EmployerFilter;
    use brygga_store::participant::ParticipantFilter;
    use brygga_store::placement::PlacementFilter;

    type R = std::result::Result<(), Box<dyn std::error::Error>>;

    const URL: &str = "https://brygga.example.org";

    #[test]
    fn constructed_numbers_are_valid() -> R {
        let today = NaiveDate::from_ymd_opt(2026, 9, 1).ok_or("date")?;
        for (i, e) in EMPLOYERS.iter().enumerate() {
            let n = org_number(e.org_prefix, u32::try_from(i + 1)?);
            assert!(OrgNumber::parse_at(&n, today)?.is_legal_entity(), "{n}");
        }
        // Known check digits: the textbook example 811218-9876 and organisation number 556012-5790.
        assert_eq!(luhn_check_digit(&[8, 1, 1, 2, 1, 8, 9, 8, 7]), 6);
        assert_eq!(luhn_check_digit(&[5, 5, 6, 0, 1, 2, 5, 7, 9]), 0);
        let mut seen = std::collections::BTreeSet::new();
        for (i, s) in PARTICIPANTS.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
            let pnr = Personnummer::parse_at(test_personnummer(i / 2, s.female), today)?;
            assert_eq!(
                pnr.legal_gender() == brygga_domain::values::Gender::Female,
                s.female
            );
            assert!(seen.insert(pnr.as_str().to_string()));
        }
        assert_eq!(slug("Hedda Handläggarsdotter"), "hedda.handlaggarsdotter");
        Ok(())
    }

    #[tokio::test]
    async fn loads_on_days_long_after_its_fixed_dates() -> R {
        // The running internship follows the day; nothing else may make a later day fail.
        for (y, m, d) in [(2027, 6, 30), (2028, 3, 15)] {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)?
                .as_nanos();
            let path = std::env::temp_dir().join(format!(
                "brygga-demo-late-{}-{nanos}.sqlite",
                std::process::id()
            ));
            let url = path.to_string_lossy().to_string();
            let store = Store::connect(&url, brygga_store::secret::Secret::random()).await?;
            store.migrate().await?;
            let day = NaiveDate::from_ymd_opt(y, m, d).ok_or("date")?;
            assert!(load(&store, day, URL).await?.created);
            store.close().await?;
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{url}{suffix}"));
            }
        }
        Ok(())
    }

    #[tokio::test]
    async fn loads_once_with_scoped_logins() -> R {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)?
            .as_nanos();
        let path =
            std::env::temp_dir().join(format!("brygga-demo-{}-{nanos}.sqlite", std::process::id()));
        let url = path.to_string_lossy().to_string();
        let store = Store::connect(&url, brygga_store::secret::Secret::random()).await?;
        store.migrate().await?;
        let today = NaiveDate::from_ymd_opt(2026, 9, 1).ok_or("date")?;

        let first = load(&store, today, URL).await?;
        assert!(first.created);
        assert_eq!(first.password, DEMO_PASSWORD);
        assert_eq!(first.logins.len(), Role::ALL.len());
        let second = load(&store, today, URL).await?;
        assert!(!second.created);
        assert_eq!(second.logins, first.logins);

        let sys = Actor::system_for("demo");
        let employers = store
            .employer_list(&sys, &EmployerFilter::default())
            .await?
            .total;
        let placements = store
            .placement_list(&sys, &PlacementFilter::default())
            .await?
            .total;
        let participants = store
            .participant_list(&sys, &ParticipantFilter::default())
            .await?
            .total;
        assert!((10..=14).contains(&employers), "{employers} employers");
        assert!(placements >= 18, "{placements} placements");
        assert!(
            (36..=44).contains(&participants),
            "{participants} participants"
        );
        assert_eq!(store.orgs(&sys).await?.len(), 1 + MUNICIPALITIES.len() + 2);

        let actor_for = |role: Role| {
            let store = store.clone();
            let sys = sys.clone();
            async move {
                let email = login_email(role)?;
                let u = store.user_by_email(&sys, email).await?.ok_or("no user")?;
                store
                    .actor(u.id)
                    .await?
                    .ok_or_else(|| Box::<dyn std::error::Error>::from("no actor"))
            }
        };
        let names = |page: brygga_store::Page<brygga_store::participant::ParticipantSummary>| {
            let mut v: Vec<String> = page
                .items
                .into_iter()
                .map(|p| format!("{} {}", p.first_name, p.last_name))
                .collect();
            v.sort();
            v
        };

        // The supervisor sees exactly her interns: the running one and the two to come.
        let supervisor = actor_for(Role::Supervisor).await?;
        let seen = names(
            store
                .participant_list(&supervisor, &ParticipantFilter::default())
                .await?,
        );
        let mut interns: Vec<String> = INTERNSHIPS
            .iter()
            .map(|(i, _, _)| *i)
            .chain([RUNNING.0])
            .chain(FINISHED.iter().map(|f| f.0))
            .filter_map(|i| PARTICIPANTS.get(i))
            .map(|p| format!("{} {}", p.first, p.last))
            .collect();
        interns.sort();
        assert_eq!(seen, interns);
        // The finished cohort's certificates are signed with one key; one was revoked.
        assert_eq!(store.credential_keys().await?.len(), 1);
        let revoked = store.credential_revocations().await?;
        assert_eq!(revoked.len(), 1);
        assert!(revoked[0].reason.starts_with("Fel slutdatum"));

        // The employer contact sees the candidates proposed to the first employer.
        let contact = actor_for(Role::EmployerContact).await?;
        assert_eq!(
            contact.employer_id(),
            store
                .employer_names(&sys)
                .await?
                .iter()
                .find(|e| e.1 == EMPLOYERS[0].name)
                .map(|e| e.0)
        );
        let seen = store
            .participant_list(&contact, &ParticipantFilter::default())
            .await?
            .total;
        assert_eq!(
            seen as usize,
            PROPOSALS.len() + INTERNSHIPS.len() + 1 + FINISHED.len()
        );

        // The officer sees the shared cases; the coordinator the whole programme.
        let officer = actor_for(Role::EsOfficer).await?;
        assert_eq!(
            store
                .participant_list(&officer, &ParticipantFilter::default())
                .await?
                .total as usize,
            SHARED_CASES.len()
        );
        let coordinator = actor_for(Role::Coordinator).await?;
        assert_eq!(
            store
                .participant_list(&coordinator, &ParticipantFilter::default())
                .await?
                .total,
            participants
        );

        // The participant login reads its own record.
        let me = actor_for(Role::Participant).await?;
        let own = store
            .participant_get(&me, me.participant_id().ok_or("not linked")?)
            .await?;
        assert_eq!(format!("{} {}", own.first_name, own.last_name), LOGINS[7].2);

        // Her internship is running today, with the demo supervisor, a schedule around today,
        // a course and a follow-up meeting a week ahead.
        let running = store
            .internships_supervised(&supervisor)
            .await?
            .into_iter()
            .find(|i| Some(i.participant_id) == me.participant_id())
            .ok_or("the participant's internship is not the supervisor's")?;
        assert!(running.start_date < today && today < running.end_date);
        assert_eq!(running.ended_on, None);
        let around = store
            .my_schedule(&me, today - Days::new(7), today + Days::new(7))
            .await?;
        assert!(around.iter().any(|e| e.kind.as_str() == "workplace"));
        assert!(
            around
                .iter()
                .any(|e| e.kind.as_str() == "vocational_swedish")
        );
        let courses = store.course_list(&me, 1).await?;
        assert!(
            courses
                .items
                .iter()
                .any(|c| c.start_date <= today && today <= c.end_date),
            "a course running today"
        );
        let (_, meetings, _) = store.meetings_for_participant(&coordinator, own.id).await?;
        assert_eq!(meetings.len(), 1);
        assert_eq!(
            brygga_domain::calendar::date_at(meetings[0].starts_at),
            today + Days::new(7)
        );
        assert_eq!(meetings[0].internship_id, Some(running.id));
        // Her journey went the seeds' way (eligibility, interview passed, decision) and waits
        // for the signed agreement, which the demo does not have.
        let journey = store.journey(&coordinator, own.id).await?;
        assert_eq!(
            journey.current_stage().map(|s| s.key.as_str()),
            Some("cleared")
        );
        // Halfway through: a checklist from the kravprofil and the programme's template, some
        // of it ticked; her log, one entry in Arabic, commented; the supervisor's mid-point
        // assessment signed beside her own; her plan's next step is hers.
        assert!(running.start_date + Days::new(7 * RUNNING_WEEKS / 2 - 7) <= today);
        let checklist = store.checklist(&supervisor, running.id).await?;
        assert!(checklist.criteria.len() >= 5, "{:?}", checklist.criteria);
        assert_eq!(
            checklist
                .criteria
                .iter()
                .filter(|c| c.status.is_some())
                .count(),
            3
        );
        let log = store.progress_log(&me, running.id).await?;
        assert_eq!(log.entries.len(), 2);
        assert!(log.entries.iter().any(|e| e.did.contains("ساعدت")));
        assert_eq!(
            log.entries.iter().map(|e| e.comments.len()).sum::<usize>(),
            1
        );
        let assessed = store.assessments(&coordinator, running.id, today).await?;
        let mid = assessed
            .get(
                brygga_domain::learning::AssessmentKind::Mid,
                brygga_domain::learning::Assessor::Supervisor,
            )
            .ok_or("no mid-point assessment")?;
        assert!(mid.signed_at.is_some());
        assert!(
            assessed
                .get(
                    brygga_domain::learning::AssessmentKind::Mid,
                    brygga_domain::learning::Assessor::Participant,
                )
                .is_some()
        );
        let plan = store.development_plan(&me, own.id).await?;
        assert_eq!(
            plan.next_step().map(|s| s.owner),
            Some(brygga_domain::learning::StepOwner::Participant)
        );

        // The demo mails nobody.
        let jobs = store
            .job_list(&sys, &brygga_store::jobs::JobFilter::default())
            .await?;
        assert_eq!(jobs.total, 0);

        store.close().await?;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{url}{suffix}"));
        }
        Ok(())
    }
}
