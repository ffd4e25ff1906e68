-- How many people each site serves (bot/caseload.py), set by staff with
-- `feedback-bot caseload set SITE 240 [--group service_user]`, over the config's
-- `caseload:`.  The reach table compares responses with it.  Counts of people a
-- service holds anyway; no key, no person.  respondent_group '' is the whole site.
CREATE TABLE caseloads (
    site TEXT NOT NULL,
    respondent_group TEXT NOT NULL DEFAULT '',
    people INTEGER NOT NULL CHECK (people >= 0),
    updated_on TEXT NOT NULL,
    PRIMARY KEY (site, respondent_group)
) WITHOUT ROWID;
