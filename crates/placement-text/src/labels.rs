//! Labels for the core's vocabulary: classes, instruments, organisations, criteria (names and
//! scale anchors), phenomena, stages, effects, operators, metrics and the shipped rulebooks.
//!
//! Dutch terms follow the seeds (`../shared/seeds/*.txt`) where they name the thing.

use placement_core::rulebook::{Effect, MissingPolicy, Op, OrganisationChoice, Stage};
use placement_core::{Class, Criterion, Instrument, Marking, Organisation, Phenomenon, Region};

use crate::{num_full, Lang};

impl Lang {
    /// A class label (seed 000's terms in Dutch: "prioritair", "sub-prioritair", "overig").
    pub fn class(self, c: Class) -> &'static str {
        match c {
            Class::Other => self.pick("other", "overig"),
            Class::SubPriority => self.pick("sub-priority", "sub-prioritair"),
            Class::Priority => self.pick("priority", "prioritair"),
        }
    }

    /// An instrument label, in the seeds' terms.
    pub fn instrument(self, i: Instrument) -> &'static str {
        match i {
            Instrument::PermanentLiaison => {
                self.pick("permanent liaison officer", "vaste liaison officer")
            }
            Instrument::FlexibleLiaison => self.pick(
                "flexible liaison officer (FILO)",
                "flexibel inzetbare liaison officer (FILO)",
            ),
            Instrument::EuropolChannel => self.pick("Europol channel", "Europol-kanaal"),
            Instrument::PartnerLiaison => self.pick(
                "Benelux partner liaison (legal assistance only)",
                "Benelux-partnerliaison (alleen rechtshulp)",
            ),
            Instrument::Accreditation => self.pick(
                "accreditation from a neighbouring post",
                "accreditatie vanuit een post in de regio",
            ),
            Instrument::CapacityBuilding => self.pick(
                "non-operational cooperation (capacity building)",
                "non-operationele samenwerking (capaciteitsopbouw)",
            ),
            Instrument::None => self.pick("regular channels only", "alleen de reguliere kanalen"),
        }
    }

    /// A short instrument label for table columns (at most 16 characters).
    pub fn instrument_short(self, i: Instrument) -> &'static str {
        match i {
            Instrument::PermanentLiaison => self.pick("permanent LO", "vaste LO"),
            Instrument::FlexibleLiaison => self.pick("FILO", "FILO"),
            Instrument::EuropolChannel => self.pick("Europol channel", "Europol-kanaal"),
            Instrument::PartnerLiaison => self.pick("Benelux partner", "Benelux-partner"),
            Instrument::Accreditation => self.pick("accreditation", "accreditatie"),
            Instrument::CapacityBuilding => self.pick("capacity building", "capaciteitsopbouw"),
            Instrument::None => self.pick("regular channels", "reguliere kanalen"),
        }
    }

    /// A short organisation label for table columns.
    pub fn organisation_short(self, o: Organisation) -> &'static str {
        match o {
            Organisation::Police => self.pick("police", "politie"),
            Organisation::Marechaussee => self.pick("KMar", "KMar"),
            Organisation::Both => self.pick("police + KMar", "politie + KMar"),
        }
    }

    /// An organisation label.
    pub fn organisation(self, o: Organisation) -> &'static str {
        match o {
            Organisation::Police => self.pick("police (NP)", "politie (NP)"),
            Organisation::Marechaussee => {
                self.pick("Marechaussee (KMar)", "Koninklijke Marechaussee (KMar)")
            }
            Organisation::Both => self.pick(
                "police and Marechaussee (double placement)",
                "politie en KMar (dubbele bezetting)",
            ),
        }
    }

    /// A criterion's short name, as the seeds word it in Dutch.
    pub fn criterion(self, c: Criterion) -> &'static str {
        use Criterion as C;
        match c {
            C::CrimeRelation => self.pick("crime relation", "criminaliteitsrelatie"),
            C::CooperationVolume => self.pick(
                "volume of operational cooperation",
                "omvang operationele samenwerking",
            ),
            C::PoliticalRelation => self.pick(
                "political-administrative relation",
                "politiek-bestuurlijke relatie",
            ),
            C::Socta => self.pick("SOCTA score", "SOCTA-score"),
            C::EuLink => self.pick(
                "link to EU or neighbour activities",
                "aansluiting op EU- en buurlandactiviteiten",
            ),
            C::LoPosition => self.pick("position of the liaison", "positie van de politieliaison"),
            C::Reciprocity => self.pick("reciprocity", "wederkerigheid"),
            C::StrategicPartnership => {
                self.pick("strategic partnership", "strategisch partnerschap")
            }
            C::CooperationQuality => self.pick(
                "quality of existing cooperation",
                "waardering van de samenwerking",
            ),
            C::Obstacles => self.pick("differences and obstacles", "verschillen en obstakels"),
            C::Springboard => self.pick("springboard value", "springplankfunctie"),
            C::RegionalImportance => self.pick("regional importance", "regionaal belang"),
            C::EuropolChannel => self.pick("Europol channel", "Europol-kanaal"),
            C::RuleOfLaw => self.pick(
                "democracy, human rights, rule of law",
                "democratie, mensenrechten en rechtsstaat",
            ),
        }
    }

    /// What a value on a criterion's 0–10 scale means: the anchors an assessor scores against.
    pub fn criterion_scale(self, c: Criterion) -> &'static str {
        use Criterion as C;
        match c {
            C::CrimeRelation => self.pick(
                "0 = no crime relation with the Netherlands on priority phenomena; 10 = among the most intense. Derived from the phenomenon assessments when they are given.",
                "0 = geen criminaliteitsrelatie met Nederland op prioritaire fenomenen; 10 = een van de intensiefste. Afgeleid uit de fenomeenbeoordelingen als die gegeven zijn.",
            ),
            C::CooperationVolume => self.pick(
                "0 = hardly any operational cooperation; 10 = a very large volume of joint cases and requests.",
                "0 = nauwelijks operationele samenwerking; 10 = een zeer grote omvang aan gezamenlijke zaken en verzoeken.",
            ),
            C::PoliticalRelation => self.pick(
                "0 = no working relation of the ministry with the country; 10 = close, active relation.",
                "0 = geen werkrelatie van het ministerie met het land; 10 = een nauwe, actieve relatie.",
            ),
            C::Socta => self.pick(
                "0 = absent from Europol's SOCTA; 10 = a leading source, transit or hub country for EU priority threats. Europol publishes no country score: this is a user-supplied proxy.",
                "0 = afwezig in de SOCTA van Europol; 10 = een belangrijk bron-, transit- of knooppuntland voor EU-prioritaire dreigingen. Europol publiceert geen landenscore: dit is een door de gebruiker aangeleverde benadering.",
            ),
            C::EuLink => self.pick(
                "0 = no EU or neighbour-country activity to join; 10 = strong EU (EMPACT) or neighbour activity the Netherlands can join.",
                "0 = geen EU- of buurlandactiviteit om bij aan te sluiten; 10 = sterke EU-activiteit (EMPACT) of buurlandactiviteit waarbij Nederland kan aansluiten.",
            ),
            C::LoPosition => self.pick(
                "0 = a liaison would have no access to the local authorities; 10 = a liaison would be well placed and received.",
                "0 = een liaison zou geen toegang tot de lokale autoriteiten hebben; 10 = een liaison zou goed gepositioneerd zijn en goed ontvangen worden.",
            ),
            C::Reciprocity => self.pick(
                "0 = cooperation would serve one side only; 10 = strongly in both sides' interest.",
                "0 = samenwerking zou maar één kant dienen; 10 = sterk in het belang van beide kanten.",
            ),
            C::StrategicPartnership => self.pick(
                "0 = no strategic partnership; 10 = a key strategic partner.",
                "0 = geen strategisch partnerschap; 10 = een belangrijke strategische partner.",
            ),
            C::CooperationQuality => self.pick(
                "0 = the regular channels (Europol, Interpol, Schengen, regional) and mutual legal assistance hardly work; 10 = excellent cooperation, so a liaison adds little.",
                "0 = de reguliere kanalen (Europol, Interpol, Schengen, regionaal) en de rechtshulp werken nauwelijks; 10 = uitstekende samenwerking, dus een liaison voegt weinig toe.",
            ),
            C::Obstacles => self.pick(
                "0 = legislation, organisation, procedures, powers, language and culture much like the Netherlands; 10 = very large differences that a permanent known face bridges.",
                "0 = wetgeving, organisatie, procedures, bevoegdheden, taal en cultuur lijken sterk op die van Nederland; 10 = zeer grote verschillen die een vast bekend gezicht overbrugt.",
            ),
            C::Springboard => self.pick(
                "0 = a post here reaches no other country; 10 = access to a regional network whose countries have great need. Derived from springboard links when they are given.",
                "0 = een post hier bereikt geen ander land; 10 = toegang tot een regionaal netwerk van landen met een grote behoefte. Afgeleid uit de springplankverbindingen als die gegeven zijn.",
            ),
            C::RegionalImportance => self.pick(
                "0 = presence in this region matters little for any phenomenon; 10 = presence is of special importance for fighting particular phenomena.",
                "0 = aanwezigheid in deze regio doet er voor geen fenomeen veel toe; 10 = aanwezigheid is van bijzonder belang voor de bestrijding van bepaalde fenomenen.",
            ),
            C::EuropolChannel => self.pick(
                "EU member states only. 0 = the country invests little in its Europol desk or refuses exchange through Europol; 10 = the Europol route serves fully.",
                "Alleen EU-lidstaten. 0 = het land investeert weinig in zijn desk bij Europol of weigert uitwisseling via Europol; 10 = de Europol-route volstaat volledig.",
            ),
            C::RuleOfLaw => self.pick(
                "0 = serious concerns about misuse of shared information; 10 = full respect for democracy, human rights and the rule of law.",
                "0 = ernstige zorgen over misbruik van gedeelde informatie; 10 = volledige eerbiediging van democratie, mensenrechten en de rechtsstaat.",
            ),
        }
    }

    /// A world region (UN M49 sub-region; in Dutch as the CBS names them).
    pub fn region(self, r: Region) -> &'static str {
        use Region as R;
        match r {
            R::NorthernAfrica => self.pick("Northern Africa", "Noord-Afrika"),
            R::EasternAfrica => self.pick("Eastern Africa", "Oost-Afrika"),
            R::MiddleAfrica => self.pick("Middle Africa", "Centraal-Afrika"),
            R::SouthernAfrica => self.pick("Southern Africa", "zuidelijk Afrika"),
            R::WesternAfrica => self.pick("Western Africa", "West-Afrika"),
            R::Caribbean => self.pick("Caribbean", "Caribisch gebied"),
            R::CentralAmerica => self.pick("Central America", "Midden-Amerika"),
            R::SouthAmerica => self.pick("South America", "Zuid-Amerika"),
            R::NorthernAmerica => self.pick("Northern America", "Noord-Amerika"),
            R::CentralAsia => self.pick("Central Asia", "Centraal-Azië"),
            R::EasternAsia => self.pick("Eastern Asia", "Oost-Azië"),
            R::SouthEasternAsia => self.pick("South-Eastern Asia", "Zuidoost-Azië"),
            R::SouthernAsia => self.pick("Southern Asia", "Zuid-Azië"),
            R::WesternAsia => self.pick("Western Asia", "West-Azië"),
            R::EasternEurope => self.pick("Eastern Europe", "Oost-Europa"),
            R::NorthernEurope => self.pick("Northern Europe", "Noord-Europa"),
            R::SouthernEurope => self.pick("Southern Europe", "Zuid-Europa"),
            R::WesternEurope => self.pick("Western Europe", "West-Europa"),
            R::Oceania => self.pick("Oceania", "Oceanië"),
            R::Antarctica => self.pick("Antarctica", "Antarctica"),
        }
    }

    /// A phenomenon's name (seed 002's priority phenomena in Dutch).
    pub fn phenomenon(self, p: Phenomenon) -> &'static str {
        use Phenomenon as P;
        match p {
            P::Drugs => self.pick("drugs (undermining)", "drugs (ondermijning)"),
            P::FinancialFlows => self.pick(
                "financial flows (undermining)",
                "financiële stromen (ondermijning)",
            ),
            P::HeavyWeapons => {
                self.pick("heavy weapons (undermining)", "zware wapens (ondermijning)")
            }
            P::HumanTrafficking => self.pick("human trafficking", "mensenhandel"),
            P::MigrantSmuggling => self.pick("migrant smuggling", "mensensmokkel"),
            P::IrregularMigration => self.pick("irregular migration", "irreguliere migratie"),
            P::Cybercrime => self.pick("cybercrime", "cybercrime"),
            P::ChildSexualAbuse => self.pick("online child sexual abuse", "online kindermisbruik"),
            P::Fugitives => self.pick("execution of sentences (fugitives)", "executie"),
            P::Terrorism => self.pick("terrorism", "terrorismebestrijding"),
        }
    }

    /// A classification marking: in Dutch as written on government documents (the
    /// "Voorschrift Informatiebeveiliging Rijksdienst" levels), in English its translation followed by
    /// the official Dutch marking.
    pub fn marking(self, m: Marking) -> &'static str {
        match m {
            Marking::Unclassified => self.pick("Unclassified (Ongerubriceerd)", "Ongerubriceerd"),
            Marking::DepartmentalConfidential => self.pick(
                "Departmental Confidential (Departementaal Vertrouwelijk)",
                "Departementaal Vertrouwelijk",
            ),
            Marking::StateSecretConfidential => self.pick(
                "State Secret Confidential (Stg. Confidentieel)",
                "Stg. Confidentieel",
            ),
            Marking::StateSecretSecret => {
                self.pick("State Secret Secret (Stg. Geheim)", "Stg. Geheim")
            }
            Marking::StateSecretTopSecret => self.pick(
                "State Secret Top Secret (Stg. Zeer Geheim)",
                "Stg. Zeer Geheim",
            ),
        }
    }

    /// A stage name.
    pub fn stage(self, s: Stage) -> &'static str {
        match s {
            Stage::Adjust => self.pick("adjustment", "correctie"),
            Stage::Class => self.pick("class", "klasse"),
            Stage::Instrument => self.pick("instrument", "instrument"),
            Stage::Organisation => self.pick("organisation", "organisatie"),
            Stage::Network => self.pick("network", "netwerk"),
            Stage::Portfolio => self.pick("portfolio", "portefeuille"),
        }
    }

    /// A rule's effect as words: what it does when its condition holds.
    pub fn effect(self, e: &Effect) -> String {
        match e {
            Effect::ScaleAddedValue(f) => match self {
                Lang::En => format!("multiplies the added value by {}", num_full(self, *f, 2)),
                Lang::Nl => format!(
                    "vermenigvuldigt de meerwaarde met {}",
                    num_full(self, *f, 2)
                ),
            },
            Effect::Class(c) => match self {
                Lang::En => format!("sets the class to {}", self.class(*c)),
                Lang::Nl => format!("zet de klasse op {}", self.class(*c)),
            },
            Effect::Instrument(i) => match self {
                Lang::En => format!("chooses the instrument {}", self.instrument(*i)),
                Lang::Nl => format!("kiest het instrument {}", self.instrument(*i)),
            },
            Effect::Organisation(o) => {
                let who = self.organisation_choice(*o);
                match self {
                    Lang::En => format!("sends {who}"),
                    Lang::Nl => format!("zendt {who} uit"),
                }
            }
            Effect::LimitClass {
                class,
                max,
                demote_to,
            } => match self {
                Lang::En => format!(
                    "keeps at most {max} countries {}; the others become {}",
                    self.class(*class),
                    self.class(*demote_to)
                ),
                Lang::Nl => format!(
                    "houdt ten hoogste {max} landen {}; de overige worden {}",
                    self.class(*class),
                    self.class(*demote_to)
                ),
            },
        }
    }

    /// An organisation choice of a rule, as words.
    pub fn organisation_choice(self, o: OrganisationChoice) -> &'static str {
        match o {
            OrganisationChoice::ByTheme => self.pick(
                "the organisation whose themes weigh most",
                "de organisatie waarvan de thema's het zwaarst wegen",
            ),
            OrganisationChoice::Police => self.organisation(Organisation::Police),
            OrganisationChoice::Marechaussee => self.organisation(Organisation::Marechaussee),
            OrganisationChoice::Both => self.organisation(Organisation::Both),
        }
    }

    /// What the missing-value policy supplies, as words.
    pub fn missing_policy(self, p: MissingPolicy) -> &'static str {
        match p {
            MissingPolicy::Midpoint => self.pick("the scale midpoint", "het midden van de schaal"),
            MissingPolicy::Minimum => self.pick("the scale minimum", "het minimum van de schaal"),
            MissingPolicy::Maximum => self.pick("the scale maximum", "het maximum van de schaal"),
            MissingPolicy::Reject => self.pick("no value", "geen waarde"),
        }
    }

    /// A comparison operator as written.
    pub fn op(self, op: Op) -> &'static str {
        match op {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
        }
    }

    /// A metric or criterion id as words; an id this crate does not know is returned as given.
    pub fn quantity(self, id: &str) -> String {
        if let Some(c) = Criterion::from_id(id) {
            return self.criterion(c).to_string();
        }
        let (en, nl) = match id {
            "need" => ("need", "behoefte"),
            "added_value" => ("added value", "meerwaarde"),
            "score" => ("score", "score"),
            "police_theme" => (
                "crime relation on police themes",
                "criminaliteitsrelatie politiethema's",
            ),
            "marechaussee_theme" => (
                "crime relation on KMar themes",
                "criminaliteitsrelatie KMar-thema's",
            ),
            "upstream" => (
                "strongest phenomenon as source or transit country",
                "sterkste fenomeen als bron- of transitland",
            ),
            other => (other, other),
        };
        self.pick(en, nl).to_string()
    }

    /// The title of a shipped rulebook in this language. `title` is the rulebook file's own
    /// (English) title: a rulebook whose id and title are not those of a shipped one keeps it.
    pub fn rulebook_title<'a>(self, id: &str, title: &'a str) -> &'a str {
        const SHIPPED: [(&str, &str, &str); 3] = [
            (
                "p2-2013",
                "Differentiated placement model (2013)",
                "Gedifferentieerd plaatsingsmodel (2013)",
            ),
            (
                "p1-2015",
                "Country approach with sixteen priority countries (2015–2018)",
                "Landenaanpak met zestien prioritaire landen (2015–2018)",
            ),
            (
                "p4-2019",
                "Phenomenon approach (2019–)",
                "Fenomeengerichte aanpak (2019–)",
            ),
        ];
        match SHIPPED.iter().find(|(i, en, _)| *i == id && *en == title) {
            Some((_, en, nl)) => self.pick(en, nl),
            None => title,
        }
    }

    /// A text of the shipped fixtures (the illustrative input's title, its evidence source) in
    /// this language; any other text is returned as given.
    pub fn shipped_text(self, text: &str) -> &str {
        const SHIPPED: [(&str, &str); 2] = [
            (
                "Illustrative assessment of candidate countries, 2025",
                "Illustratieve beoordeling van kandidaat-landen, 2025",
            ),
            (
                "liaison-placement illustrative assessment (not an official assessment)",
                "illustratieve beoordeling van liaison-placement (geen officiële beoordeling)",
            ),
        ];
        match SHIPPED.iter().find(|(en, _)| *en == text) {
            Some((en, nl)) => self.pick(en, nl),
            None => text,
        }
    }

    /// `text` with every shipped fixture text in it (see [`Lang::shipped_text`]) in this
    /// language, e.g. a title composed of the input's and the network's.
    pub fn shipped_in(self, text: &str) -> String {
        let mut out = text.to_string();
        for en in [
            "Illustrative assessment of candidate countries, 2025",
            "liaison-placement illustrative assessment (not an official assessment)",
        ] {
            out = out.replace(en, self.shipped_text(en));
        }
        if self == Lang::Nl {
            out = out.replace(" (structured)", " (gestructureerd)");
        }
        out
    }

    /// The notice printed above any output made from an illustrative (not official) input.
    pub fn illustrative_notice(self) -> &'static str {
        self.pick(
            "ILLUSTRATIVE INPUT — not an official assessment.",
            "ILLUSTRATIEVE INVOER — geen officiële beoordeling.",
        )
    }

    /// The footnote under a ranking in which some recommendation hinges on a missing input
    /// (rows marked `*`).
    pub fn hinges_on_missing_note(self) -> &'static str {
        self.pick(
            "* the recommendation could change with a missing input (see --format json, field `missing`).",
            "* het advies kan veranderen door een ontbrekende invoer (zie --format json, veld `missing`).",
        )
    }
}
