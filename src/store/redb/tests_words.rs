//! The name-word index as a plain table (schema 5): a store indexed by schema 4's multimap
//! finds its members by name after the migration.

use redb::{
    Database, MultimapTableDefinition, ReadableDatabase, ReadableTable, ReadableTableMetadata,
};

use super::tables::{MEMBER_WORDS, META, SCHEMA_VERSION};
use crate::domain::text::name_words;
use crate::store::Store;
use crate::store::tests::three_steps;

/// Schema 4's index, as `schema.rs` knows it.
const OLD_WORDS: MultimapTableDefinition<&str, &str> =
    MultimapTableDefinition::new("members_by_word");

#[test]
fn a_schema_4_store_finds_its_members_by_name_after_the_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loket.redb");
    let (a, b) = {
        let store = Store::open(&path).unwrap();
        three_steps(&store)
    };
    let name = |no: &str| {
        let store = Store::open(&path).unwrap();
        store.member(no).unwrap().unwrap().full_name
    };
    let (name_a, name_b) = (name(&a), name(&b));
    // Make it the store schema 4 left: the words in the multimap, no plain table.
    {
        let db = Database::create(&path).unwrap();
        let txn = db.begin_write().unwrap();
        assert!(txn.delete_table(MEMBER_WORDS).unwrap());
        {
            let mut old = txn.open_multimap_table(OLD_WORDS).unwrap();
            for (no, full) in [(&a, &name_a), (&b, &name_b)] {
                for w in name_words(full) {
                    old.insert(w.as_str(), no.as_str()).unwrap();
                }
            }
            txn.open_table(META)
                .unwrap()
                .insert("schema_version", 4)
                .unwrap();
        }
        txn.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), Some(SCHEMA_VERSION));
    for (no, full) in [(&a, &name_a), (&b, &name_b)] {
        let words = name_words(full);
        // Every word whole, and the first three letters of the longest (a prefix search).
        let longest = words.iter().max_by_key(|w| w.len()).unwrap();
        for query in words.iter().map(String::as_str).chain([&longest[..3]]) {
            let found: Vec<String> = store
                .search_members(query, 50)
                .unwrap()
                .iter()
                .map(|m| m.member_no.to_string())
                .collect();
            assert!(found.contains(no), "{query:?} finds {no}: {found:?}");
        }
    }
    drop(store);
    // The multimap is gone, and the new index holds one key per word of each name.
    let db = Database::create(&path).unwrap();
    let read = db.begin_read().unwrap();
    assert!(read.open_multimap_table(OLD_WORDS).is_err());
    let keys = read.open_table(MEMBER_WORDS).unwrap();
    let expected = name_words(&name_a).len() + name_words(&name_b).len();
    assert_eq!(keys.len().unwrap(), expected as u64);
    let first = keys.first().unwrap().unwrap().0.value().to_string();
    assert!(first.contains('\0'), "word\\0member_no: {first:?}");
}
