//! `flowData`: the node/edge graph of a call flow. Node ids are required
//! and unique, edges must connect existing nodes; every other property of a
//! node or edge passes through untouched.

use super::{quote, Ctx, Seg};
use crate::issues::IssueCode;
use crate::strset::StrSet;
use crate::value::{Object, Value};

/// Checks `flowData` (the walk stands at it).
pub(crate) fn flow_data<'a>(ctx: &mut Ctx<'a>, v: &'a Value) -> Option<Value> {
    let obj = ctx.object(v)?;
    let keys = ctx.keys(obj, &["nodes", "edges"]);
    let node_count = match keys.get(0).map(|f| f.value) {
        Some(Value::Array(a)) => a.len(),
        _ => 0,
    };
    let mut ids = StrSet::with_capacity(node_count);
    let nodes = match keys.get(0) {
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
    let edges = match keys.get(1) {
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
    let mut out = Object::with_capacity(2);
    out.push("nodes", Value::Array(nodes.unwrap_or_default()));
    out.push("edges", Value::Array(edges.unwrap_or_default()));
    Ctx::append_extras(&mut out, &keys);
    Some(Value::Object(out))
}

fn node<'a>(ctx: &mut Ctx<'a>, v: &'a Value, ids: &mut StrSet<'a>) -> Option<Value> {
    let obj = ctx.object(v)?;
    let pos = obj.position("id");
    match obj.get("id") {
        None | Some(Value::Null) => {
            let seg_pos = pos.map_or(u32::MAX, |p| p as u32);
            ctx.at(Seg::Key("id"), seg_pos, |c| {
                let msg = format!("{} is required; give every node a unique id.", c.here());
                c.report(IssueCode::Required, msg);
            });
        }
        Some(id) => {
            ctx.at(Seg::Key("id"), pos.unwrap_or(0) as u32, |c| {
                let id = c.text(id)?;
                if ids.insert(id).is_err() {
                    let msg = format!(
                        "{} repeats the node id {}, which must be unique; give this node another id.",
                        c.here(),
                        quote(id)
                    );
                    c.report(IssueCode::Duplicate, msg).received = Some(id.to_owned());
                }
                Some(())
            });
        }
    }
    Some(ctx.passthrough_except(obj, &["id"]))
}

fn edge<'a>(
    ctx: &mut Ctx<'a>,
    v: &'a Value,
    ids: &StrSet<'a>,
    edge_ids: &mut StrSet<'a>,
) -> Option<Value> {
    let obj = ctx.object(v)?;
    if let Some(id) = obj.get("id").filter(|v| !v.is_null()) {
        let p = obj.position("id").unwrap_or(0) as u32;
        ctx.at(Seg::Key("id"), p, |c| {
            let id = c.text(id)?;
            c.unique(edge_ids, id, "edge id");
            Some(())
        });
    }
    for end in ["source", "target"] {
        let pos = obj.position(end);
        match obj.get(end) {
            None | Some(Value::Null) => {
                ctx.at(Seg::Key(end), pos.map_or(u32::MAX, |p| p as u32), |c| {
                    let msg = format!(
                        "{} is required; name the id of the node this edge connects.",
                        c.here()
                    );
                    c.report(IssueCode::Required, msg);
                });
            }
            Some(target) => {
                ctx.at(Seg::Key(end), pos.unwrap_or(0) as u32, |c| {
                    let t = c.text(target)?;
                    if !ids.contains(t) {
                        let msg = format!(
                            "{} names the node {}, but no node has that id; use the id of a node in flowData.nodes.",
                            c.here(),
                            quote(t)
                        );
                        c.report(IssueCode::DanglingReference, msg).received = Some(t.to_owned());
                    }
                    Some(())
                });
            }
        }
    }
    Some(ctx.passthrough_except(obj, &["id", "source", "target"]))
}
