//! Reading: the command line's paths become inputs (`walk`), whose bytes become a text (`decode`), or, for office
//! files, the text their readers extract (`office` chooses `word`, `msdoc` or `odt` by the
//! bytes); web pages keep their markup and `html` finds the article in them.

pub mod decode;
pub mod html;
pub mod markdown;
pub mod msdoc;
pub mod odt;
pub mod office;
pub mod plain;
pub mod read;
pub mod walk;
pub mod word;
