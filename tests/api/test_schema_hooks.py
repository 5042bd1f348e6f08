"""The schema's shared post-processing (api.schema): what every operation's responses may hold."""

from api.schema import allow_blank_in_formatted_output


def test_a_read_only_url_or_email_may_be_blank():
    schemas = {"Organisation": {"type": "object", "properties": {
        "website": {"type": "string", "format": "uri", "readOnly": True, "title": "单位官网"},
        "email": {"type": "string", "format": "email", "readOnly": True, "nullable": True},
        "name": {"type": "string", "readOnly": True},
        "homepage": {"type": "string", "format": "uri"},  # writable: drf-spectacular's own allow_blank handling
        "created_at": {"type": "string", "format": "date-time", "readOnly": True},
    }}}
    allow_blank_in_formatted_output(schemas)
    properties = schemas["Organisation"]["properties"]
    assert properties["website"] == {"readOnly": True, "title": "单位官网", "oneOf": [
        {"type": "string", "format": "uri"}, {"type": "string", "maxLength": 0}]}
    assert properties["email"] == {"readOnly": True, "nullable": True, "oneOf": [
        {"type": "string", "format": "email"}, {"type": "string", "maxLength": 0}]}
    assert properties["name"] == {"type": "string", "readOnly": True}
    assert properties["homepage"] == {"type": "string", "format": "uri"}
    assert properties["created_at"] == {"type": "string", "format": "date-time", "readOnly": True}


def test_the_published_schema_has_the_error_body_on_every_operation(client):
    schema = client.get("/api/schema/?format=json").json()
    assert schema["components"]["schemas"]["Error"]["required"] == ["code", "message", "field", "errors"]
    for item in schema["paths"].values():
        for operation in item.values():
            assert {"400", "401", "403", "404", "429"} <= set(operation["responses"])
