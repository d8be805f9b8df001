package org.haochaping.residence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.haochaping.system.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A choice of home region that is refused; nothing changes. */
public class HomeRegionRefusedException extends ProblemException {

    private final Map<String, Object> properties;

    private HomeRegionRefusedException(HttpStatus status, String code, Map<String, Object> properties,
            Object... details) {
        super(status, code, details);
        this.properties = Map.copyOf(properties);
    }

    /** 409 with {@code changeableFrom}, so the app can tell the resident when. */
    static HomeRegionRefusedException tooEarly(Instant changeableFrom, LocalDate localDate) {
        return new HomeRegionRefusedException(HttpStatus.CONFLICT, "HOME_REGION_CHANGE_TOO_EARLY",
                Map.of("changeableFrom", changeableFrom.toString()), localDate.toString());
    }

    static HomeRegionRefusedException setByProvider() {
        return new HomeRegionRefusedException(HttpStatus.CONFLICT, "HOME_REGION_SET_BY_PROVIDER", Map.of());
    }

    static HomeRegionRefusedException unknown(String regionCode) {
        return new HomeRegionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "UNKNOWN_REGION", Map.of(), regionCode);
    }

    static HomeRegionRefusedException tooCoarse() {
        return new HomeRegionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, "HOME_REGION_TOO_COARSE", Map.of());
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
