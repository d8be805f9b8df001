package org.haochaping;

import org.springframework.test.web.servlet.ResultMatcher;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.mockmvc.OpenApiValidationMatchers;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

/** MockMvc matchers that hold requests and responses to the api-spec contract. */
public final class ApiContract {

    public static final String SPEC = "openapi/haochaping-api.yaml";

    private static final OpenApiInteractionValidator EXCHANGE = OpenApiInteractionValidator
            .createForSpecificationUrl(SPEC)
            .build();

    /** For requests that are wrong on purpose: only the response is held to the contract. */
    private static final OpenApiInteractionValidator RESPONSE = OpenApiInteractionValidator
            .createForSpecificationUrl(SPEC)
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private ApiContract() {
    }

    /**
     * The request and the response both follow the contract; a problem response's {@code code} is
     * one its operation declares ({@link ContractProblemCodes}).
     */
    public static ResultMatcher conforms() {
        return both(OpenApiValidationMatchers.openApi().isValid(EXCHANGE), ContractProblemCodes.declaredCode());
    }

    /** The response follows the contract (codes included), whatever the (deliberately bad) request was. */
    public static ResultMatcher responseConforms() {
        return both(OpenApiValidationMatchers.openApi().isValid(RESPONSE), ContractProblemCodes.declaredCode());
    }

    private static ResultMatcher both(ResultMatcher first, ResultMatcher second) {
        return result -> {
            first.match(result);
            second.match(result);
        };
    }
}
