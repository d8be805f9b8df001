package org.haochaping.system.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags on the public reads the app caches (campaigns, their subjects, the region tree): a hash of the
 * body, so the app revalidates with {@code If-None-Match} and gets a 304 carrying the same ETag when
 * nothing changed. Responses that set their own ETag (the summary's) keep it.
 */
@Configuration(proxyBeanMethods = false)
class PublicReadCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> publicReadEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/campaigns", "/api/v1/campaigns/*", "/api/v1/regions");
        return registration;
    }
}
