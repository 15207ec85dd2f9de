package org.yrd.voucher.edge;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the API document say what each operation really answers. Every operation gets the problems the edge
 * gives everywhere: 400 (every operation: a control character in any query parameter or in a header the API reads
 * is refused before the operation runs, ControlCharacters); 404 where it names something in its path;
 * 413 and 415 where it takes a body; and, where it takes an {@code Idempotency-Key} (then marked required), 422 for a
 * key reused with another request; 401 and 403 where it needs a token. What only some operations answer (201, 409, 422 for a policy refusal) is
 * declared on the resource method with {@link #ANSWERS}, e.g.
 * {@code @Extension(name = ProblemResponses.ANSWERS, value = "201,409,422")}. A test compares every status the
 * test suite met with this document.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD) // static: the document is made once at build, not at every start
public class ProblemResponses implements OASFilter {
    /** The operation extension that lists the statuses only this operation answers. */
    public static final String ANSWERS = "x-answers";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String PROBLEM = "#/components/schemas/Problem";

    private static final Map<String, String> MEANING = Map.of(
            "400", "Malformed input: `violations` names each field and its rule",
            "401", "No bearer token, or one that is expired, forged, or from another issuer or audience",
            "403", "The token's role, province or USCC does not allow this (the `code` says which rule)",
            "404", "Nothing of that kind with that id (or not yours)",
            "409", "Not in a state that allows this (the `code` says which conflict)",
            "413", "The body is larger than 64 KiB",
            "415", "The body is not `application/json`",
            "422", "Refused under the voucher policy (`code` and `rule`), or an `Idempotency-Key` reused with another request",
            "429", "Too many requests of this kind from this address for now (the `code` says which limit)",
            "503", "The database is unavailable or busy for the moment; nothing was done, send the same request again (`Retry-After`)");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema("Problem", problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) ->
                describe(item, method, op)));
    }

    private void describe(PathItem item, PathItem.HttpMethod method, Operation op) {
        Set<String> declared = Set.of();
        if (op.getExtensions() != null && op.getExtensions().get(ANSWERS) != null) {
            declared = Arrays.stream(op.getExtensions().get(ANSWERS).toString().split(","))
                    .map(String::strip).collect(Collectors.toSet());
            op.removeExtension(ANSWERS);
        }
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        boolean pathParam = params.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)
                || (item.getParameters() != null && item.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH));
        boolean idempotent = false;
        for (Parameter p : params) {
            if (p.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equals(p.getName())) {
                p.setRequired(true);
                p.setDescription("Any unique string of at most 100 characters: a retry with the same key returns the "
                        + "first answer; the same key with another request is refused (422)");
                idempotent = true;
            }
        }
        boolean body = op.getRequestBody() != null;
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        if (declared.contains("201") && op.getResponses().hasAPIResponse("200")) {
            APIResponse ok = op.getResponses().getAPIResponse("200");
            op.getResponses().removeAPIResponse("200");
            op.getResponses().addAPIResponse("201", ok.description("Created"));
        }
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) { // a decision of @RolesAllowed
            op.getResponses().removeAPIResponse("401");
            op.getResponses().removeAPIResponse("403");
            problem(op, "401");
            problem(op, "403");
        }
        problem(op, "400");
        problem(op, "503");
        if (pathParam || declared.contains("404")) { // also a resource of the caller's own that may not exist yet
            problem(op, "404");
        }
        if (body) {
            problem(op, "413");
            problem(op, "415");
        }
        if (declared.contains("409")) {
            problem(op, "409");
        }
        if (declared.contains("422") || idempotent) {
            problem(op, "422");
        }
        if (declared.contains("429")) {
            problem(op, "429");
        }
    }

    private static void problem(Operation op, String status) {
        if (!op.getResponses().hasAPIResponse(status)) {
            op.getResponses().addAPIResponse(status, OASFactory.createAPIResponse()
                    .description(MEANING.get(status))
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)))));
        }
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("code", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; texts follow Accept-Language (zh-CN by default, en)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("urn:yrd:problem:<code>"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("stable, e.g. cap-exceeded"))
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("the policy rule applied, P1…P16"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation));
    }
}
