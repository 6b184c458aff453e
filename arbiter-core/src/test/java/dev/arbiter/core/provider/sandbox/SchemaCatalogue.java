package dev.arbiter.core.provider.sandbox;

import java.util.Map;

/** JSON Schemas of the kinds callers give as tool parameters and response formats, by what they exercise. */
final class SchemaCatalogue {
    static final Map<String, String> SCHEMAS = Map.ofEntries(
            Map.entry("weather", SandboxFixtures.WEATHER_SCHEMA),
            Map.entry("nested objects and arrays", """
                    {"type":"object","properties":{
                      "order":{"type":"object","properties":{
                        "id":{"type":"string","format":"uuid"},
                        "items":{"type":"array","minItems":2,"maxItems":5,"items":{"type":"object",
                          "properties":{"sku":{"type":"string","maxLength":8},"qty":{"type":"integer","minimum":1}},
                          "required":["sku","qty"],"additionalProperties":false}}},
                       "required":["id","items"]},
                      "tags":{"type":"array","items":{"type":"string"},"minItems":3,"uniqueItems":true}},
                     "required":["order","tags"],"additionalProperties":false}"""),
            Map.entry("numeric bounds", """
                    {"type":"object","properties":{
                      "ratio":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},
                      "temperature":{"type":"number","minimum":-40,"maximum":-10},
                      "legacy":{"type":"integer","minimum":5,"exclusiveMinimum":true,"maximum":6},
                      "price":{"type":"number","minimum":3,"multipleOf":0.25},
                      "count":{"type":"integer","exclusiveMinimum":100},
                      "step":{"type":"integer","minimum":7,"maximum":100,"multipleOf":10}},
                     "required":["ratio","temperature","legacy","price","count","step"]}"""),
            Map.entry("formats", """
                    {"type":"object","properties":{
                      "day":{"type":"string","format":"date"},"at":{"type":"string","format":"date-time"},
                      "email":{"type":"string","format":"email"},"site":{"type":"string","format":"uri"},
                      "code":{"type":"string","minLength":20,"maxLength":24}},
                     "required":["day","at","email","site","code"]}"""),
            Map.entry("nullable and unions", """
                    {"type":"object","properties":{
                      "note":{"type":["string","null"]},
                      "answer":{"anyOf":[{"type":"null"},{"type":"integer","minimum":42}]},
                      "shape":{"oneOf":[{"type":"object","properties":{"kind":{"const":"circle"},"r":{"type":"number"}},
                                          "required":["kind","r"]},
                                        {"type":"object","properties":{"kind":{"const":"square"}},"required":["kind"]}]},
                      "flag":{"type":"boolean"},"nothing":{"type":"null"}},
                     "required":["note","answer","shape","flag","nothing"]}"""),
            Map.entry("refs to defs and definitions", """
                    {"type":"object","$defs":{"address":{"type":"object","properties":{
                        "street":{"type":"string"},"zip":{"type":"string","minLength":5,"maxLength":5}},
                        "required":["street","zip"],"additionalProperties":false}},
                     "definitions":{"level":{"type":"string","enum":["low","high"]}},
                     "properties":{"home":{"$ref":"#/$defs/address"},"work":{"$ref":"#/$defs/address"},
                                   "priority":{"$ref":"#/definitions/level"}},
                     "required":["home","priority"]}"""),
            Map.entry("recursive tree", """
                    {"type":"object","properties":{"name":{"type":"string"},
                      "children":{"type":"array","items":{"$ref":"#"}}},"required":["name","children"]}"""),
            Map.entry("allOf, tuples and maps", """
                    {"allOf":[{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]},
                              {"properties":{"b":{"type":"integer","maximum":-3}},"required":["b"]}],
                     "properties":{"point":{"type":"array","prefixItems":[{"type":"number"},{"type":"string"}],"minItems":2},
                                   "labels":{"type":"object","minProperties":2,
                                             "additionalProperties":{"type":"integer","minimum":10}}},
                     "required":["point","labels"]}"""));

    private SchemaCatalogue() {
    }
}
