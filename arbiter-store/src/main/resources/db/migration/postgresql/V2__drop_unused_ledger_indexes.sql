-- Budgets read spend per key, user, team and route, so only those need a (column, at) index; reports group a time
-- range by any column, which the (at) index serves. The (model, at) and (task_type, at) indexes served no query and
-- cost every ledger row two more index updates.
DROP INDEX ledger_requests_model_at;
DROP INDEX ledger_requests_task_at;
