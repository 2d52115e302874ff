package nl.meedenken.ideas.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A photo larger than the server accepts at all (20 MB) ends here: back to the form with the
 * reason, instead of an error page. Photos up to that size reach the form, which keeps what
 * was typed and says the 5 MB limit.
 */
@ControllerAdvice
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(RedirectAttributes redirect) {
        redirect.addFlashAttribute("refused", "ideas.error.photoSize");
        return "redirect:/ideas/new";
    }
}
