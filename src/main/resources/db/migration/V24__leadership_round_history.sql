-- Feedback rounds are decided on their history, not only on their current state (issue 18).
-- disclosed_at: when the leader first shared the closed round with management. Unsharing hides
-- the round from management's pages again, but management may have read it, so from then on it
-- counts as known in every wave rule. closed_at: when the round really closed, from which the
-- minimum gap before the next round about the same leader is counted.
alter table leadership_round add column disclosed_at timestamptz;
alter table leadership_round add column closed_at    timestamptz;

-- Rounds shared before this change: the audit log has every share ("round <id>"); a round that
-- is shared now but has no entry counts as disclosed from its start.
update leadership_round r set disclosed_at = (
    select min(a.occurred_at) from audit_event a
     where a.type = 'FEEDBACK_ROUND_SHARED' and a.detail = 'round ' || r.id);
update leadership_round set disclosed_at = started_at where shared and disclosed_at is null;
