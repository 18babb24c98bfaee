import json, sys, re
REQ_DEPTH = 99

def jtype(v):
    if v is None: return "null"
    if isinstance(v, bool): return "boolean"
    if isinstance(v, int): return "integer"
    if isinstance(v, float): return "number"
    if isinstance(v, str): return "string"
    if isinstance(v, list): return "array"
    return "object"

def is_map(objs):
    keys = set()
    for o in objs: keys |= set(o.keys())
    if not keys: return False
    if all(re.fullmatch(r"[A-Z]{2}", k) for k in keys): return True
    if len(keys) > 40: return True
    return False

def infer(values, depth, strict_depth):
    types = sorted({jtype(v) for v in values})
    if "integer" in types and "number" in types: types.remove("integer")
    s = {}
    subs = []
    for t in types:
        vs = [v for v in values if jtype(v) == t or (t == "number" and jtype(v) == "integer")]
        if t == "object":
            o = {"type": "object"}
            if is_map(vs):
                inner = [x for v in vs for x in v.values()]
                if inner: o["additionalProperties"] = infer(inner, depth + 1, strict_depth)
            else:
                keys = []
                for v in vs:
                    for k in v:
                        if k not in keys: keys.append(k)
                props = {}
                for k in keys:
                    kv = [v[k] for v in vs if k in v]
                    props[k] = infer(kv, depth + 1, strict_depth)
                o["properties"] = props
                req = [k for k in keys if all(k in v for v in vs)]
                if req and depth <= REQ_DEPTH: o["required"] = req
                if depth <= strict_depth: o["additionalProperties"] = False
            subs.append(o)
        elif t == "array":
            a = {"type": "array"}
            inner = [x for v in vs for x in v]
            if inner: a["items"] = infer(inner, depth + 1, strict_depth)
            subs.append(a)
        else:
            subs.append({"type": t})
    if len(subs) == 1: return subs[0]
    # merge simple scalar types
    if all(set(x.keys()) == {"type"} for x in subs):
        return {"type": [x["type"] for x in subs]}
    return {"anyOf": subs}

def main():
    global REQ_DEPTH
    out, title, desc, strict, REQ_DEPTH = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    samples = [json.load(open(p)) for p in sys.argv[6:]]
    s = infer(samples, 0, strict)
    top = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, "description": desc}
    top.update(s)
    if "properties" in top and "schema_version" in top["properties"]:
        v = {x.get("schema_version") for x in samples}
        if len(v) == 1:
            top["properties"]["schema_version"] = {"const": v.pop(), "description": "Version of this JSON shape; readers reject versions they do not know."}
    json.dump(top, open(out, "w"), indent=2, ensure_ascii=False)
    open(out, "a").write("\n")
main()
