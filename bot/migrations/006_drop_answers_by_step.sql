-- No query looks answers up by (flow_id, step_id) any more: every read goes from
-- the period's sessions to their answers (answers_for_reports, or the unique
-- (session_id, step_id) index).  An unused index is one more b-tree to write on
-- every answer the bot stores.
DROP INDEX IF EXISTS answers_by_step;
