"""The published contract (/api/v1/openapi.json): one component per name, and the error
answers of every operation with their body."""

from django.core.exceptions import ImproperlyConfigured
from ninja import NinjaAPI, Schema
from ninja.openapi.schema import REF_TEMPLATE, OpenAPISchema
from ninja.schema import NinjaGenerateJsonSchema

ERROR = "Error"


class FieldError(Schema):
    """What is wrong with one field (null: with the request as a whole)."""

    field: str | None
    message: str


class ErrorOut(Schema):
    """Every refusal: a message in the caller's language, and for bad input one per field."""

    detail: str
    errors: list[FieldError] = []


# Why an operation may refuse, in the order the answers are listed.
ERRORS = {
    400: "The body is not valid JSON.",
    401: "No session and no valid personal access token.",
    403: "The caller may not do this (the record may be visible to them all the same).",
    404: "No such record, or one the caller may not see (both answer alike).",
    409: "The `version` sent is not the record's current one: nothing was overwritten.",
    412: "The record changed since the ETag sent in If-Match: nothing was overwritten.",
    422: "Bad input: `errors` names each field and what is wrong with it.",
    428: "An update or delete that names no version: send If-Match or `version`.",
}
IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": 'The ETag of the version you changed, e.g. "3" (412 if the record changed '
    'since); "*" for whatever the version.',
}
VERSIONED_WRITES = {"PUT", "PATCH", "DELETE"}


class SchemaNameCollision(ImproperlyConfigured):
    """Two different schemas would be published under one component name."""


class ContractSchema(OpenAPISchema):
    """ninja's OpenAPI document, refusing to let one schema overwrite another of the same
    name, and listing the error answers each operation can give."""

    def add_schema_definitions(self, definitions: dict) -> None:
        for name, definition in definitions.items():
            if "enum" in definition:
                # An enum is titled after its class ("Kind"); name it as it is published.
                definition["title"] = name
            known = self.schemas.get(name)
            if known is not None and known != definition:
                raise SchemaNameCollision(
                    f"Two different schemas are both named {name!r} in the API contract; "
                    "rename one of the classes (or alias a model's choices with `type`)."
                )
            self.schemas[name] = definition

    def operation_details(self, operation) -> dict:
        result = super().operation_details(operation)
        self._error_component()
        statuses, versioned = self._refusals(operation, result)
        if versioned and not any(p["name"] == "If-Match" for p in result["parameters"]):
            result["parameters"].append(IF_MATCH)
        error = {"schema": {"$ref": REF_TEMPLATE.format(model=ERROR)}}
        for status in statuses:
            result["responses"].setdefault(
                status,
                {"description": ERRORS[status], "content": {self.api.renderer.media_type: error}},
            )
        return result

    def _refusals(self, operation, details: dict) -> tuple[list[int], bool]:
        """The error answers the operation can give, and whether it takes a version."""
        methods = set(operation.methods)
        parameters = details["parameters"]
        body = details.get("requestBody")
        names = {parameter["name"] for parameter in parameters}
        for content in (body or {}).get("content", {}).values():
            names |= self._property_names(content["schema"], set())
        versioned = bool(methods & VERSIONED_WRITES) or "version" in names
        statuses = []
        if body:
            statuses.append(400)
        if operation.auth_callbacks:
            statuses += [401, 403]
        if any(p["in"] == "path" for p in parameters) or any(
            name.endswith(("_id", "_ids")) for name in names
        ):
            statuses.append(404)
        if versioned:
            statuses += [409, 412]
        if parameters or body:
            statuses.append(422)
        if methods & VERSIONED_WRITES:
            statuses.append(428)
        return statuses, versioned

    def _property_names(self, schema: dict, seen: set) -> set[str]:
        """The names of the properties of a body, its nested objects included."""
        names = set()
        ref = schema.get("$ref")
        if ref:
            name = ref.rsplit("/", 1)[-1]
            if name in seen or name not in self.schemas:
                return names
            seen.add(name)
            schema = self.schemas[name]
        for key, value in schema.get("properties", {}).items():
            names.add(key)
            names |= self._property_names(value, seen)
        for key in ("items", "additionalProperties"):
            if isinstance(schema.get(key), dict):
                names |= self._property_names(schema[key], seen)
        for key in ("anyOf", "allOf", "oneOf"):
            for part in schema.get(key, []):
                names |= self._property_names(part, seen)
        return names

    def _error_component(self) -> None:
        if ERROR in self.schemas:
            return
        schema = ErrorOut.model_json_schema(
            ref_template=REF_TEMPLATE,
            schema_generator=NinjaGenerateJsonSchema,
            mode="serialization",
        )
        self.add_schema_definitions(schema.pop("$defs", {}))
        schema["title"] = ERROR
        self.add_schema_definitions({ERROR: schema})


class ContractAPI(NinjaAPI):
    """A NinjaAPI publishing the ContractSchema."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return ContractSchema(self, path_prefix)
