package nl.meedenken.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /** Forms and uploads over the limits go back to their page with the reason, before the security filters read them. */
    @Bean
    FilterRegistrationBean<OversizedRequests> oversizedRequests(
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize fileLimit) {
        var registration = new FilterRegistrationBean<>(new OversizedRequests(formLimit.toBytes(), uploadLimit.toBytes(),
                fileLimit.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new InputCheck());
    }

    @Bean
    LocaleResolver localeResolver() {
        return new PersonLocaleResolver();
    }

    /**
     * Static files only under their own prefixes (see docs/adr/0007). With Spring Boot's
     * default mapping of {@code /**}, every link on every page was first looked up as a file
     * on the class path, which made a page with many links slow.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl hour = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").setCacheControl(hour);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").setCacheControl(hour);
        // the service worker sits at the root so that it may serve the whole app; browsers check it for updates
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").setCacheControl(hour);
        registry.addResourceHandler("/icons/**").addResourceLocations("classpath:/static/icons/").setCacheControl(hour);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
    }
}
