package org.masthead.api.nql;

/** One token of a filter: what it is, the text it matched, and where it starts (0-based). */
record NqlToken(Kind kind, String text, int position) {

    /**
     * The token names of TryGhost/NQL's {@code nql.l}, so the lexer can be checked against it rule by rule. One
     * difference: {@code now-30d} is one RELATIVE_DATE token here, where jison emits NOW, SUB/ADD, AMOUNT and
     * INTERVAL; its lookahead guarantees those four always come together.
     */
    enum Kind {
        NULL, TRUE, FALSE, PROP, NUMBER, LBRACKET, RBRACKET, RELATIVE_DATE, LITERAL, STRING,
        LPAREN, RPAREN, OR, AND, NOT, GTE, LTE, GT, LT, STARTSWITH, ENDSWITH, CONTAINS,
        /** After the last token, so the parser can report "unexpected end". */
        END
    }

    /** 1-based, as Ghost counts characters in its error messages. */
    int character() {
        return position + 1;
    }
}
