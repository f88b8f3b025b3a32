package org.masthead.system;

import java.util.Locale;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Wires precompiled jte templates into Spring MVC. A controller returns a view name such as
 * {@code "article/show"} and puts one page record into the model under {@link #PAGE}.
 */
@Configuration(proxyBeanMethods = false)
class JteConfiguration {

    /** The single model attribute a template receives. */
    public static final String PAGE = "page";

    @Bean
    TemplateEngine templateEngine() {
        // Templates are compiled to classes at build time (jte-maven-plugin); nothing is compiled at runtime.
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    ViewResolver jteViewResolver(TemplateEngine templateEngine) {
        return new JteViewResolver(templateEngine);
    }

    static final class JteViewResolver implements ViewResolver, Ordered {

        private final TemplateEngine templateEngine;

        JteViewResolver(TemplateEngine templateEngine) {
            this.templateEngine = templateEngine;
        }

        @Override
        public View resolveViewName(String viewName, Locale locale) {
            if (viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
                return null;
            }
            String template = viewName + ".jte";
            return templateEngine.hasTemplate(template) ? new JteView(templateEngine, template) : null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }
    }

    record JteView(TemplateEngine templateEngine, String template) implements View {

        @Override
        public String getContentType() {
            return "text/html;charset=UTF-8";
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            templateEngine.render(template, model.get(PAGE), output);
            response.setContentType(getContentType());
            response.setContentLength(output.getContentLength());
            output.writeTo(response.getOutputStream());
        }
    }
}
