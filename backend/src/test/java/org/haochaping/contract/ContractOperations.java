package org.haochaping.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.ApiContract;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/** Every operation of api-spec, read from the contract itself at test time (references resolved). */
final class ContractOperations {

    /** Where a value goes in a request. */
    enum In { PATH, QUERY, HEADER, BODY }

    /** A parameter, or a top-level field of a JSON body. */
    record Slot(In in, String name, boolean required, Schema<?> schema) {
        @Override
        public String toString() {
            return in.name().toLowerCase() + " " + name;
        }
    }

    record Op(String id, String method, String path, boolean secured, List<Slot> slots,
            String bodyType, boolean bodyRequired) {

        boolean hasJsonBody() {
            return "application/json".equals(bodyType);
        }

        /** A text body such as a CSV import. */
        boolean hasTextBody() {
            return bodyType != null && bodyType.startsWith("text/");
        }
    }

    private ContractOperations() {
    }

    static List<Op> read() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(ApiContract.SPEC, null, options);
        List<Op> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operations.add(toOp(api, path, method, operation))));
        return List.copyOf(operations);
    }

    private static Op toOp(OpenAPI api, String path, PathItem.HttpMethod method, Operation operation) {
        List<Slot> slots = new ArrayList<>();
        for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
            slots.add(new Slot(In.valueOf(parameter.getIn().toUpperCase()), parameter.getName(),
                    Boolean.TRUE.equals(parameter.getRequired()), parameter.getSchema()));
        }
        String bodyType = null;
        boolean bodyRequired = false;
        if (operation.getRequestBody() != null) {
            Map.Entry<String, MediaType> content = operation.getRequestBody().getContent().entrySet().iterator().next();
            bodyType = content.getKey();
            bodyRequired = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
            Schema<?> body = content.getValue().getSchema();
            List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
            // A multipart body's parts are mutated as a whole (RequestAssembly), not as JSON fields.
            if ("application/json".equals(bodyType) && body.getProperties() != null) {
                body.getProperties().forEach((name, schema) ->
                        slots.add(new Slot(In.BODY, name, required.contains(name), schema)));
            }
        }
        boolean secured = operation.getSecurity() == null ? !api.getSecurity().isEmpty() : !operation.getSecurity().isEmpty();
        return new Op(operation.getOperationId(), method.name(), path, secured, List.copyOf(slots), bodyType, bodyRequired);
    }
}
