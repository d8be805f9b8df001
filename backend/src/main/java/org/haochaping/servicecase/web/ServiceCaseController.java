package org.haochaping.servicecase.web;

import org.haochaping.api.ServiceCasesApi;
import org.haochaping.api.model.ServiceCaseBatchDto;
import org.haochaping.api.model.ServiceCaseRegistrationResultDto;
import org.haochaping.identity.CurrentActor;
import org.haochaping.servicecase.ServiceCaseEntry;
import org.haochaping.servicecase.ServiceCaseRegistry;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * 办件登记 ({@code /api/v1/admin/campaigns/{code}/service-cases}, JSON or CSV): roles, checks and
 * conflicts are the registry's; this only translates.
 */
@RestController
class ServiceCaseController implements ServiceCasesApi {

    private final ServiceCaseRegistry registry;
    private final CurrentActor currentActor;

    ServiceCaseController(ServiceCaseRegistry registry, CurrentActor currentActor) {
        this.registry = registry;
        this.currentActor = currentActor;
    }

    @Override
    public ResponseEntity<ServiceCaseRegistrationResultDto> registerServiceCases(String code, ServiceCaseBatchDto batch,
            String acceptLanguage) {
        var entries = batch.getCases().stream()
                .map(dto -> new ServiceCaseEntry(dto.getCaseNumber(), dto.getSubjectId(), dto.getApplicant(),
                        dto.getCompletedAt().toInstant()))
                .toList();
        return answer(registry.register(currentActor.get(), code, entries));
    }

    @Override
    public ResponseEntity<ServiceCaseRegistrationResultDto> importServiceCases(String code, String body,
            String acceptLanguage) {
        return answer(registry.importCsv(currentActor.get(), code, body));
    }

    private static ResponseEntity<ServiceCaseRegistrationResultDto> answer(ServiceCaseRegistry.Result result) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ServiceCaseRegistrationResultDto(result.registered(), result.unchanged()));
    }
}
