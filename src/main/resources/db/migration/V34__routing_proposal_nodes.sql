-- A running optimisation belongs to one node, which shows it is alive by a heartbeat; any node
-- may ask it to stop early by setting stop_requested_at. A proposal that ends without the solver
-- finishing its time (the node shut down, or was lost) says so in note.
alter table routing_proposal add column node_id varchar(64);
alter table routing_proposal add column heartbeat_at timestamptz;
alter table routing_proposal add column stop_requested_at timestamptz;
alter table routing_proposal add column note varchar(16) check (note in ('RESTARTED', 'RECOVERED'));

create index routing_proposal_running on routing_proposal (status) where status in ('WAITING', 'SOLVING');
