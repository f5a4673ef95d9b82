//! `flowData`: the node/edge graph of a call flow. Node ids are required
//! and unique, edges must connect existing nodes; every other property of a
//! node or edge passes through untouched.

use super::{quote, Ctx, Seg};
use crate::issues::IssueCode;
use crate::schema::{Key, FLOW_DATA, FLOW_EDGE, FLOW_NODE};
use crate::strset::StrSet;
use crate::value::Value;

const NODES: Key = FLOW_DATA.key("nodes");
const EDGES: Key = FLOW_DATA.key("edges");
const NODE_ID: Key = FLOW_NODE.key("id");
const EDGE_ID: Key = FLOW_EDGE.key("id");
const SOURCE: Key = FLOW_EDGE.key("source");
const TARGET: Key = FLOW_EDGE.key("target");

/// Checks `flowData` (the walk stands at it).
pub(crate) fn flow_data<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let mut w = ctx.walk(obj, &FLOW_DATA);
    let node_count = match w.get(NODES).map(|f| f.value) {
        Some(Value::Array(a)) => a.len(),
        _ => 0,
    };
    let mut ids = StrSet::with_capacity(node_count);
    let nodes = match w.get(NODES) {
        Some(f) => ctx.in_field(f, |c, v| {
            let items = c.array(v)?;
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                if let Some(n) = c.in_index(i, |c| node(c, item, &mut ids)) {
                    out.push(n);
                }
            }
            Some(out)
        }),
        None => Some(Vec::new()),
    };
    // Edges are checked against every node id, wherever the edge stands.
    let edges = match w.get(EDGES) {
        Some(f) => ctx.in_field(f, |c, v| {
            let items = c.array(v)?;
            let mut edge_ids = StrSet::with_capacity(items.len());
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                if let Some(e) = c.in_index(i, |c| edge(c, item, &ids, &mut edge_ids)) {
                    out.push(e);
                }
            }
            Some(out)
        }),
        None => Some(Vec::new()),
    };
    w.set(NODES, Some(Value::Array(nodes.unwrap_or_default())));
    w.set(EDGES, Some(Value::Array(edges.unwrap_or_default())));
    Some(w.done())
}

fn node<'a>(ctx: &mut Ctx<'a>, v: &'a Value, ids: &mut StrSet<'a>) -> Option<Value> {
    let obj = ctx.object(v)?;
    let id_key = NODE_ID.key();
    let pos = obj.position(id_key);
    match obj.get(id_key) {
        None | Some(Value::Null) => {
            let seg_pos = pos.map_or(u32::MAX, |p| p as u32);
            ctx.at(Seg::Key(id_key), seg_pos, |c| {
                c.say(
                    IssueCode::Required,
                    &[" is required; ", super::hint(NODE_ID), "."],
                );
            });
        }
        Some(id) => {
            ctx.at(Seg::Key(id_key), pos.unwrap_or(0) as u32, |c| {
                let id = c.text(id)?;
                if ids.insert(id).is_err() {
                    let parts = [
                        " repeats the node id ",
                        &quote(id),
                        ", which must be unique; give this node another id.",
                    ];
                    c.say(IssueCode::Duplicate, &parts).set_received(id);
                }
                Some(())
            });
        }
    }
    Some(ctx.passthrough_except(obj, &[id_key]))
}

fn edge<'a>(
    ctx: &mut Ctx<'a>,
    v: &'a Value,
    ids: &StrSet<'a>,
    edge_ids: &mut StrSet<'a>,
) -> Option<Value> {
    let obj = ctx.object(v)?;
    let id_key = EDGE_ID.key();
    if let Some(id) = obj.get(id_key).filter(|v| !v.is_null()) {
        let p = obj.position(id_key).unwrap_or(0) as u32;
        ctx.at(Seg::Key(id_key), p, |c| {
            let id = c.text(id)?;
            c.unique(edge_ids, id, "edge id");
            Some(())
        });
    }
    for end in [SOURCE, TARGET] {
        let end = end.key();
        let pos = obj.position(end);
        match obj.get(end) {
            None | Some(Value::Null) => {
                ctx.at(Seg::Key(end), pos.map_or(u32::MAX, |p| p as u32), |c| {
                    c.say(
                        IssueCode::Required,
                        &[" is required; ", super::hint(SOURCE), "."],
                    );
                });
            }
            Some(target) => {
                ctx.at(Seg::Key(end), pos.unwrap_or(0) as u32, |c| {
                    let t = c.text(target)?;
                    if !ids.contains(t) {
                        let parts = [
                            " names the node ",
                            &quote(t),
                            ", but no node has that id; use the id of a node in flowData.nodes.",
                        ];
                        c.say(IssueCode::DanglingReference, &parts).set_received(t);
                    }
                    Some(())
                });
            }
        }
    }
    Some(ctx.passthrough_except(obj, &[id_key, SOURCE.key(), TARGET.key()]))
}
