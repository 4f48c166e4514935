<?php
// SLiMS 9.7.0's member import loop (admin/modules/membership/import.php:168-291 at 8ab9960),
// replayed from the command line so the side-by-side measures the work SLiMS does per row and
// not the page's pacing: the page also sleeps usleep(2500) after every row (import.php:290)
// and streams a progress line per row (VarDumper::dump, importProgress), which are left out.
// Kept as the page does it: fgetcsv per row; the member type looked up with one SELECT per row
// through utility::getID (lib/utility.inc.php:235-265; its cache is an empty array, which PHP
// takes as false at line 238, so it never fills); the same prepared INSERT IGNORE per row, no
// transaction around them (autocommit, as SLiMS runs).
// Usage: php slims-import.php FILE.csv DB USER PASSWORD   (prints rows and seconds as JSON)
[$_, $csv, $db, $user, $pass] = $argv;
$dbs = new mysqli('127.0.0.1', $user, $pass, $db, 3306);
$dbs->set_charset('utf8mb4');
$pdo = new PDO("mysql:host=127.0.0.1;port=3306;dbname=$db;charset=utf8mb4", $user, $pass,
    [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);

function getID($obj_db, $table, $id_field, $value_field, $value, &$cache = false) {
    $value = trim($value);
    if ($cache) {
        if (isset($cache[$value])) return $cache[$value];
    }
    $q = $obj_db->query('SELECT '.$id_field.' FROM '.$table.' WHERE '.$value_field.'=\''.$obj_db->escape_string($value).'\'');
    if ($q->num_rows > 0) {
        $d = $q->fetch_row();
        if ($cache) $cache[$value] = $d[0];
        return $d[0];
    }
    fwrite(STDERR, "member type '$value' is not in mst_member_type\n");
    exit(1);
}

$start = microtime(true);
$state = $pdo->prepare(<<<SQL
    INSERT IGNORE INTO member
        (member_id, member_name, gender,
        member_type_id, member_email, member_address,
        postal_code, inst_name, is_new, member_image,
        pin, member_phone, member_fax,
        member_since_date, register_date,
        expire_date, birth_date, member_notes, mpasswd,
        input_date, last_update)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,
        now(),now());
SQL);
$mtype_id_cache = array();
$file = fopen($csv, 'r');
$rows = 0;
$header = true;
while (!feof($file)) {
    $field = fgetcsv($file, 4096, ',', '"');
    if ($header) { $header = false; continue; }
    if (!$field) continue;
    $field[3] = getID($dbs, 'mst_member_type', 'member_type_id', 'member_type_name', $field[3], $mtype_id_cache);
    $field[17] = (isset($field[18]) && !empty($field[17])) ? $field[17] : null;
    $field[18] = null;
    array_splice($field, 19, 10);
    $state->execute($field);
    $rows++;
}
echo json_encode(['rows' => $rows, 'seconds' => microtime(true) - $start]), "\n";
