"""The theme's comments.php (shared by both templates): the comment list, then WordPress's
comment form with tagDiv's fields.

The validation warnings ("Silakan masukkan komentar anda!" ...) are hidden by the theme's
stylesheet only, so they are text nodes every naive extraction picks up; the "Batal membalas"
link is hidden by an inline style instead. Strings are Newspaper 11.4.3's id_ID translation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from replica.markup import attr, short_date, text
from replica.model import ReplicaArticle

if TYPE_CHECKING:
    from replica.site import ReplicaSite

REQUIRED = "aria-required='true'"
COMMENT_FORM = (
    '<form action="{action}" method="post" id="commentform" class="comment-form" novalidate>',
    '<div class="clearfix"></div>',
    '<div class="comment-form-input-wrap td-form-comment">',
    '<textarea placeholder="Komentar:" id="comment" name="comment" cols="45" rows="8" '
    'aria-required="true"></textarea>',
    '<div class="td-warning-comment">Silakan masukkan komentar anda!</div>',
    "</div>",
    '<div class="comment-form-input-wrap td-form-author">',
    '<input class="" id="author" name="author" placeholder="Nama:*" type="text" value="" '
    f'size="30"  {REQUIRED} />',
    '<div class="td-warning-author">Silakan masukkan nama Anda di sini</div>',
    "</div>",
    '<div class="comment-form-input-wrap td-form-email">',
    '<input class="" id="email" name="email" placeholder="Email:*" type="text" value="" '
    f'size="30"  {REQUIRED} />',
    '<div class="td-warning-email-error">Anda telah memasukkan alamat email yang salah!</div>',
    '<div class="td-warning-email">Silakan masukkan alamat email Anda di sini</div>',
    "</div>",
    '<div class="comment-form-input-wrap td-form-url">',
    '<input class="" id="url" name="url" placeholder="Website:" type="text" value="" size="30" />',
    "</div>",
    '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" '
    'name="wp-comment-cookies-consent" type="checkbox" value="yes" />'
    '<label for="wp-comment-cookies-consent">Simpan nama, email, dan situs web saya di browser '
    "ini untuk lain kali saya berkomentar.</label></p>",
    '<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" '
    "value=\"Kirim Komentar\" /> <input type='hidden' name='comment_post_ID' value='{post_id}' "
    "id='comment_post_ID' />",
    "<input type='hidden' name='comment_parent' id='comment_parent' value='0' />",
    "</p></form>",
)


def avatar(name: str, size: int) -> str:
    """A Gravatar <img> (the hash is only a stand-in: the replica has no e-mail addresses)."""
    digest = f"{sum(map(ord, name)):032x}"
    return (
        f'<img alt="" src="https://secure.gravatar.com/avatar/{digest}?s={size}&#038;d=mm&#038;'
        f'r=g" class="avatar avatar-{size} photo" height="{size}" width="{size}" '
        'loading="lazy" decoding="async"/>'
    )


def comments_section(site: ReplicaSite, article: ReplicaArticle, page_url: str) -> str:
    listing = _comment_list(article) if article.comments else ""
    form = "\n".join(COMMENT_FORM).format(
        action=site.url("/wp-comments-post.php"), post_id=article.post_id
    )
    return "\n".join(
        [
            '<div class="comments" id="comments">',
            listing,
            '<div id="respond" class="comment-respond">',
            '<h3 id="reply-title" class="comment-reply-title">TINGGALKAN KOMENTAR <small>'
            '<a rel="nofollow" id="cancel-comment-reply-link" '
            f'href="{page_url}#respond" style="display:none;">Batal membalas</a></small></h3>',
            form,
            "</div><!-- #respond -->",
            "</div> <!-- /.content -->",
        ]
    )


def _comment_list(article: ReplicaArticle) -> str:
    count = len(article.comments)
    title = "1 KOMENTAR" if count == 1 else f"{count} KOMENTAR"
    return (
        '<div class="td-comments-title-wrap td_block_template_1"><h4 class="td-comments-title '
        f'block-title"><span>{title}</span></h4></div>\n'
        f'<ol class="comment-list ">\n{_comment_items(article)}\n</ol>\n'
        '<div class="comment-pagination"></div>'
    )


def _comment_items(article: ReplicaArticle) -> str:
    items = []
    for number, comment in enumerate(article.comments, start=1):
        comment_id = article.post_id * 10 + number
        # tagDiv prints "<date> at <time>" with a hard-coded English "at".
        stamp = f"{short_date(comment.posted)} at {comment.posted:%H:%M}"
        items.append(
            f'<li class="comment " id="comment-{comment_id}"><article><footer>'
            f"{avatar(comment.author, 50)}<cite>{text(comment.author)}</cite>"
            f'<a class="comment-link" href="#comment-{comment_id}">'
            f'<time pubdate="{int(comment.posted.timestamp())}">{stamp}</time></a></footer>'
            f'<div class="comment-content"><p>{text(comment.text)}</p></div>'
            f'<div class="comment-meta" id="comment-{comment_id}"><a rel="nofollow" '
            f'class="comment-reply-link" href="#comment-{comment_id}" '
            f'data-commentid="{comment_id}" data-postid="{article.post_id}" '
            f'aria-label="Balasan untuk {attr(comment.author)}">Balas</a></div>'
            "</article></li>"
        )
    return "\n".join(items)
