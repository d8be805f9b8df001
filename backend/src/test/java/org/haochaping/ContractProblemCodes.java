package org.haochaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultMatcher;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's error-code catalogue, read from api-spec: the {@code ProblemCode} schema, the
 * root-level {@code x-common-error-codes} and each operation's {@code x-error-codes}. Its matcher
 * holds every problem response to the codes its operation (found by method and path template)
 * declares.
 */
public final class ContractProblemCodes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One operation of the contract, with the codes it may answer (its own and the common ones). */
    public record Declared(String operationId, String method, String pathTemplate, Pattern path, int variables,
            Set<String> codes) {
    }

    private static final ContractProblemCodes INSTANCE = load();

    private final Set<String> catalogue;
    private final Set<String> common;
    private final List<Declared> operations;

    private ContractProblemCodes(Set<String> catalogue, Set<String> common, List<Declared> operations) {
        this.catalogue = catalogue;
        this.common = common;
        this.operations = operations;
    }

    public static ContractProblemCodes contract() {
        return INSTANCE;
    }

    /** Every code of the {@code ProblemCode} schema. */
    public Set<String> catalogue() {
        return catalogue;
    }

    /** The codes any operation may answer ({@code x-common-error-codes}). */
    public Set<String> common() {
        return common;
    }

    public List<Declared> operations() {
        return operations;
    }

    /** A problem response carries a catalogued code that its operation declares (or a common one). */
    public static ResultMatcher declaredCode() {
        return result -> INSTANCE.check(result.getRequest(), result.getResponse());
    }

    private void check(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        String contentType = response.getContentType();
        if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
            return;
        }
        byte[] body = response.getContentAsByteArray();
        if (body.length == 0) {
            return;
        }
        JsonNode code = JSON.readTree(body).get("code");
        assertThat(code).as("problem without a code: %s %s", request.getMethod(), request.getRequestURI()).isNotNull();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Declared operation = find(request.getMethod(), path);
        Set<String> allowed = operation == null ? common : operation.codes();
        assertThat(allowed)
                .as("problem %s (status %d) answered by %s %s: not in x-error-codes of %s nor in x-common-error-codes",
                        code.asString(), response.getStatus(), request.getMethod(), path,
                        operation == null ? "(no operation)" : operation.operationId())
                .contains(code.asString());
    }

    /** The operation of a request: the path template that matches with the fewest variables. */
    public Declared find(String method, String path) {
        return operations.stream()
                .filter(op -> op.method().equalsIgnoreCase(method) && op.path().matcher(path).matches())
                .min(Comparator.comparingInt(Declared::variables))
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static ContractProblemCodes load() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().read(ApiContract.SPEC, null, options);
        Schema<?> problemCode = api.getComponents().getSchemas().get("ProblemCode");
        Set<String> catalogue = new TreeSet<>();
        problemCode.getEnum().forEach(value -> catalogue.add(String.valueOf(value)));
        Map<String, Object> extensions = api.getExtensions() == null ? Map.of() : api.getExtensions();
        Set<String> common = new LinkedHashSet<>((List<String>) extensions.getOrDefault("x-common-error-codes", List.of()));
        List<Declared> operations = new ArrayList<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Set<String> codes = new LinkedHashSet<>(common);
            codes.addAll(declared(operation));
            String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
            int variables = template.split("\\{", -1).length - 1;
            operations.add(new Declared(operation.getOperationId(), method.name().toUpperCase(Locale.ROOT), template,
                    Pattern.compile(regex), variables, Set.copyOf(codes)));
        }));
        return new ContractProblemCodes(Set.copyOf(catalogue), Set.copyOf(common), List.copyOf(operations));
    }

    /** The operation's own {@code x-error-codes}. */
    @SuppressWarnings("unchecked")
    public static List<String> declared(Operation operation) {
        Map<String, Object> extensions = operation.getExtensions() == null ? Map.of() : operation.getExtensions();
        return (List<String>) extensions.getOrDefault("x-error-codes", List.of());
    }
}
