package org.masthead.content;

/** An article was asked to do something its state or content does not allow; the message says what. */
public class ArticleException extends RuntimeException {

    public ArticleException(String message) {
        super(message);
    }
}
