import csv
rows = []
def r(date, s, ru, st, url, kind, q):
    assert len(q.split()) <= 25, (s, len(q.split()), q)
    rows.append([date, s, ru, st, url, kind, q])

# ---------------- early August context (before window 1) ----------------
U="https://censor.net/en/news/3503814/maps_of_battles_in_the_kursk_region"
for s,ru in [("Sverdlikovo","Свердликово"),("Dariino","Дарьино"),("Oleshnya","Олешня")]:
    r("2024-08-06",s,ru,"UA-held",U,"DeepState","On the first day of fighting in the Kursk region, Russia lost control over the villages of Sverdlikovo, Dariino, and Oleshnya.")
U="https://www.pravda.com.ua/eng/news/2024/08/13/7470130/"
for s,ru in [("Guevo","Гуево"),("Gornal","Горналь"),("Gogolevka","Гоголевка"),("Rubanshchina","Рубанщина"),("Nizhny Kli[n]","Нижний Клин"),("Nikolaevo-Darino","Николаево-Дарьино")]:
    r("2024-08-07",s,ru,"UA-held",U,"DeepState","Day two – 7 August. Ukraine's defence forces advanced in Sudzha and liberated Guevo, Gornal, Gogolevka, Rubanshchina, Nizhny Kli and Nikolaevo-Darino.")
r("2024-08-07","Zeleny Shlyakh","Зелёный Шлях","UA-held",U,"DeepState","assault groups advanced close to Korenevo, capturing Zeleny Shlyakh and Nikolaevo-Darino on the second day")
r("2024-08-07","Goncharovka","Гончаровка","UA-held",U,"DeepState","Forward units began entering Sudzha and fully securing their positions in Goncharovka.")
for s,ru in [("Novoivanovka","Новоивановка"),("Olgovka","Ольговка"),("Kremyanoe","Кремяное")]:
    r("2024-08-07",s,ru,"RU-retaken",U,"DeepState","The Russians were located in Novoivanovka, Olgovka and Kremyanoe at that time. (i.e. still Russian-held, not retaken)")
U="https://www.uawire.org:443/ukrainian-forces-breach-heavily-fortified-russian-defenses-in-kursk-region-within-24-hours"
for s,ru in [("Kazachya Loknya","Казачья Локня"),("Bogdanovka","Богдановка"),("1st Knyazhy","Княжий 1"),("2nd Knyazhy","Княжий 2")]:
    r("2024-08-08",s,ru,"UA-held",U,"OSINT","Rybar (pro-Russian milblogger): Ukrainian troops entered Mirny and now control Kazachya Loknya, Bogdanovka, Knyazhy, 1st Knyazhy, 2nd Knyazhy (paraphrase)")

# ---------------- window 1: 2024-08-15 (08-10..08-20) ----------------
U="https://www.pravda.com.ua/eng/news/2024/08/12/7470079/"
r("2024-08-12","(about 44 unnamed settlements)","","UA-held",U,"DeepState","approximately 44 settlements have been liberated and the status of 10 more is unknown ... The estimate is very conservative.")
U="https://perets.media/2024/08/12/kurshhyna-ukrayinsku-tehniku-pomityly-u-shhe-odnomu-seli-na-pivden-vid-sudzhi"
r("2024-08-12","Giri","Гиры","contested",U,"OSINT","RFE/RL geolocated video: Ukrainian military vehicle driving through Giri, Belovsky district, ~30 km SE of Sudzha (presence only; paraphrase)")
U="https://rbc.ua/ukr/news/isw-pidtverdzhue-prosuvannya-zsu-kurskiy-1723689565.html"
r("2024-08-14","Sudzha","Суджа","UA-held",U,"ISW","footage from central Sudzha indicates Ukrainian troops control at least part of the town and possibly its outskirts (ISW, paraphrase of Russian-language summary)")
r("2024-08-13","Zhuravli","Журавли","contested",U,"ISW","geolocated footage of 13 Aug shows Ukrainian forces operating in eastern Zhuravli, west of Korenevo (ISW, paraphrase)")
r("2024-08-14","Ulanok","Уланок","contested",U,"ISW","14 Aug footage shows Ukrainian forces operating north-west of Ulanok, south-east of Sudzha (ISW, paraphrase)")
U="https://theins.press/en/news/273873"
r("2024-08-14","Sudzha","Суджа","UA-held",U,"OSINT","This footage shows that the Armed Forces of Ukraine (AFU) are firmly in control of at least the western and central parts of Sudzha")
U="https://tass.com/politics/1829441"
r("2024-08-15","Martynovka","Мартыновка","contested",U,"RU-official","Alaudinov: We have already cleared one locality, Martynovka. (Russian claim; ISW noted milbloggers said fighting continued nearby)")
for s,ru in [("Cherkasskoye Porechnoye","Черкасское Поречное"),("Russkoye Porechnoye","Русское Поречное")]:
    r("2024-08-15",s,ru,"contested",U,"RU-official","Alaudinov: two more localities, Cherkasskoye Porechnoye and Russkoye Porechnoye, are currently being mopped up (implies Ukrainian presence)")
U="https://war.obozrevatel.com/ukrainskie-vojska-prodolzhili-nastuplenie-na-kurschine-i-imeyut-novyie-uspehi-v-isw-obyasnili-chto-dast-sozdanie-komendaturyi.htm"
r("2024-08-14","Gordeyevka","Гордеевка","UA-held",U,"ISW","ISW: Russian milbloggers on 14 Aug admitted Ukrainian forces took Gordeevka (paraphrase)")
r("2024-08-15","Safonovka","Сафоновка","contested",U,"ISW","ISW: footage appeared showing Ukrainian forces operating in Safonovka, 28 km from the border (paraphrase; presence, not control)")
U="https://www.uawire.org:443/several-more-villages-in-russia-s-kursk-region-captured-by-ukrainian-forces"
r("2024-08-16","Vnezapnoye","Внезапное","UA-held",U,"DeepState","Analysts from DeepState also reported that Ukrainian Defense Forces had taken control of Vnezapnoe by early morning on August 16.")
r("2024-08-16","Borki","Борки","UA-held",U,"news","Ukrainian Armed Forces have likely entered and established control of the village of Borki ... according to photos posted online.")
r("2024-08-15","Mikhailovka","Михайловка","UA-held",U,"OSINT","Bild's military observer Julian Ropcke reported that Ukrainian forces liberated Mykhailivka ... 3 kilometers east of Sudzha.")
U="https://www.novinite.com/view_news.php?id=227804"
r("2024-08-16","Borki","Борки","UA-held",U,"ISW","geolocation images confirming Ukrainian military activity in the village of Borki (ISW via Novinite)")
U="https://viralclip.net/?p=69572"
for s,ru in [("Apanasovka","Апанасовка"),("Byakhovo","Бяхово")]:
    r("2024-08-17",s,ru,"UA-held",U,"ISW","Ukrainian forces seized the villages of Apanaskovka and Byakhovo, a Russian source indicated on Saturday, according to ... ISW (Russian-source claim)")
r("2024-08-17","Russkoye Porechnoye","Русское Поречное","contested",U,"ISW","Geolocated footage also shows Kyiv's troops to have advanced into the southwest of the settlement of Russkoye Porechnoye")
U="https://www.pravda.com.ua/eng/news/2024/08/15/7470521/"
r("2024-08-15","Sudzha","Суджа","UA-held",U,"UA-official","Syrskyi: gained control over 1,150 square kilometres of Russian territory and 82 settlements (Zelensky announced completion of Sudzha's capture same day)")
U="https://wikimili.com/en/Ukrainian_occupation_of_Kursk_Oblast"
for s,ru,st in [("Guyevo","Гуево","UA-held"),("Malaya Loknya","Малая Локня","UA-held"),("Makhnovka","Махновка","UA-held"),("Sudzha","Суджа","UA-held"),("Giri","Гиры","contested"),("Ulanok","Уланок","RU-retaken")]:
    r("2024-09-01",s,ru,st,U,"Wikipedia","Wikipedia 'Control of settlements' table lists %s as held by %s (UNDATED snapshot, probably late Aug-Sep 2024; date is a guess)" % (s, {"UA-held":"Ukraine","contested":"Contested","RU-retaken":"Russia"}[st]))
U="https://news.liga.net/en/politics/news/ukrainian-forces-control-1-263-sq-km-and-93-settlements-in-kursk-oblast-map"
for s,ru in [("Sheptukhovka","Шептуховка"),("Spalnoye","Спальное")]:
    r("2024-08-20",s,ru,"UA-held",U,"UA-official","Syrskyi's map: Ukrainian forces gained ground north of Sheptukhovka and Spalnoye ... both of which are now under Ukrainian control")
r("2024-08-20","Korenevo","Коренево","RU-retaken",U,"UA-official","The map indicates that Ukrainian forces have advanced to Korenevka, which remains under Russian control (never lost; not 'retaken')")

# ---------------- window 2: 2024-08-27 (08-22..09-01) ----------------
U="https://newsukraine.rbc.ua/news/ukrainian-forces-continue-advancing-in-kursk-1724467945.html"
r("2024-08-22","Russkaya Konopelka","Русская Конопелька","UA-held",U,"ISW","Geolocated footage published on August 22 shows that Ukrainian forces have recently advanced further into southern Russkaya Konopelka (east of Sudzha).")
for s,ru in [("Spalnoye","Спальное"),("Krupets","Крупец")]:
    r("2024-08-23",s,ru,"contested",U,"ISW","Some Russian bloggers claimed that Russian forces have recaptured Spalnoye and Krupets ... though the situation in this area remains unclear.")
U="https://www.pravda.com.ua/eng/news/2024/08/24/7471640/"
r("2024-08-24","(area east of Sudzha, unnamed)","","UA-held",U,"DeepState","The Ukrainian defence forces were successful east of Sudzha.")
U="https://from-ua.org/news/661699-zatise-v-kurskoi-oblasti-zakoncilos-vsu-snova-posli-vpered.html"
for s,ru in [("Byakhovo","Бяхово"),("Viktorovka","Викторовка"),("Gordeyevka","Гордеевка"),("Vnezapnoye","Внезапное")]:
    r("2024-08-27",s,ru,"UA-held",U,"OSINT","Rybar (pro-Russian) reported Byakhovo and Viktorovka passed to AFU control; recently also Gordeevka and Vnezapnoye; DeepState marked new settlements as AFU-held (paraphrase)")
U="https://news.az/news/russian-troops-drive-ukrainian-military-out-of-village-in-kursk-region"
r("2024-08-29","Krasnooktyabrskoye","Краснооктябрьское","UA-held",U,"news","BILD: the Ukrainian military recently captured the village of Krasnooktyabrskoye south of Korenevo on the banks of the Seim River.")
U="https://www.portfolio.hu/global/20240830/itt-a-vege-a-kurszki-ukran-offenzivanak-telepuleseket-szereztek-vissza-az-oroszok-706645"
r("2024-08-29","Korenovo","Кореново","RU-retaken",U,"DeepState","DeepState: Russian forces on Thursday regained the village of Korenovo from the Ukrainians; ISW confirmed (Hungarian article, paraphrase)")
r("2024-08-29","Ulanok","Уланок","RU-retaken",U,"ISW","ISW Thursday report confirmed Russians retook Korenovo and also regained control over Ulanok (paraphrase, Hungarian)")
U="https://newsukraine.rbc.ua/news/ukrainian-armed-forces-complete-line-clearing-1725266882.html"
for s,ru in [("Malaya Loknya","Малая Локня"),("Pogrebki","Погребки")]:
    r("2024-09-01",s,ru,"UA-held",U,"DeepState","The Ukrainian Defense Forces have completed the clearing of the Malaya Loknya - Pogrebki line (map as of September 1)")
U="https://theworldmonitor.com/?p=51634"
r("2024-08-27","(100 unnamed settlements)","","UA-held",U,"UA-official","Syrskyi: Ukrainian forces have captured 1,294 square kilometers (500 square miles) of territory, including 100 settlements.")

# ---------------- September, before/at window 3 ----------------
U="https://uawire.azurewebsites.net/ukrainian-forces-capture-three-more-villages-in-swift-offensive-in-russia-s-kursk-region"
for s,ru in [("Snagost","Снагость"),("Apanasovka","Апанасовка"),("Otruby","")]:
    r("2024-08-18",s,ru,"UA-held",U,"DeepState","On Sunday evening ... DeepState confirmed that Ukrainian forces had entered the villages of Snagost and Apanasovka ... and Otruby (Sunday = ~18 Aug, inferred)")
U="https://tass.com/politics/1842391"
for s,ru in [("Apanasovka","Апанасовка"),("Byakhovo","Бяхово"),("Vishnyovka","Вишнёвка"),("Viktorovka","Викторовка"),("Vnezapnoye","Внезапное"),("Gordeyevka","Гордеевка"),("Krasnooktyabrskoye","Краснооктябрьское"),("Obukhovka","Обуховка"),("Snagost","Снагость"),("10th October","Десятый Октябрь")]:
    r("2024-09-12",s,ru,"RU-retaken",U,"RU-official","MoD: units of the battlegroup North liberated ... Apanasovka, Byakhovo, Vishnyovka, Viktorovka, Vnesazapnoye, Gordeyevka, Krasnooktyabrskoye, Obukhovka, Snagost and 10th October")
U="https://fakty.com.ua/ua/svit/20240914-v-isw-pomityly-prosuvannya-zsu-na-kurshhyni-ta-oczinyly-masshtaby-kontrnastupu-rf"
r("2024-09-13","Cherkasskoye Porechnoye","Черкасское Поречное","UA-held",U,"ISW","ISW: geolocated footage of 12-13 Sep shows Ukrainian forces advanced in north-eastern Cherkasskoye Porechnoye, north of Sudzha (paraphrase)")
U="https://strategicstudyindia.com/2024/09/ukraine-captures-multiple-villages-as.html"
r("2024-09-14","Veseloye","Весёлое","contested",U,"ISW","Footage ... confirms Ukrainian troops are now operating in Veseloye ... Russian military bloggers acknowledged that Ukrainian forces had taken control of Veseloye.")
U="https://news.az/news/russia-claims-to-have-retaken-two-more-settlements-in-kursk"
for s,ru in [("Uspenovka","Успеновка"),("Borki","Борки")]:
    r("2024-09-16",s,ru,"RU-retaken",U,"RU-official","The Russian military has liberated the settlements of Uspenovka and Borki in Kursk Region (Defense Ministry)")
# window 3: 2024-09-20 (09-15..09-25)
U="https://glavred.info/ukraine/vsu-rasshirili-placdarm-na-kurshchine-a-rf-prodvigaetsya-na-drugom-goryachem-napravlenii-10598303.html"
r("2024-09-17","Krasnooktyabrskoye","Краснооктябрьское","contested",U,"ISW","ISW: geolocated footage of 17 Sep shows Ukrainian forces advanced east of Krasnooktyabrskoye, SW of Korenevo (contradicts RU 12 Sep claim; paraphrase)")
U="https://finetrade.club/?p=3260"
r("2024-09-19","Sverdlikovo","Свердликово","UA-held",U,"news","NYT: ...a position from which to attack Sverdlikovo, where Ukrainian forces have staged a logistical center for the operation.")
U="https://www.devdiscourse.com/article/headlines/3091525-russian-forces-reclaim-villages-in-kursk-region"
for s,ru in [("Nikolayevo-Darino","Николаево-Дарьино"),("Darino","Дарьино")]:
    r("2024-09-19",s,ru,"contested",U,"RU-official","Russia has recaptured two villages, Nikolayevo-Darino and Darino ... confirmed by Major General Apti Alaudinov (later contradicted: MoD claimed them again Dec 2024/Jan 2025)")
U="https://dnyuz.com/2024/10/12/russia-eliminates-ukrainian-salient-in-major-kursk-counteroffensive"
for s,ru in [("Lyubimovka","Любимовка"),("Tolsty Lug","Толстый Луг")]:
    r("2024-10-11",s,ru,"contested",U,"ISW","Russian military bloggers said Moscow's troops had surrounded Ukrainian troops in the villages of Lyubimovka and Tolsty Lug ... ISW could not confirm")
r("2024-10-11","(smaller Ukrainian salient in Glushkovsky district, unnamed villages)","","RU-retaken",U,"ISW","Russian forces have ... 'almost entirely' eliminated the smaller Ukrainian salient in the Glushkovsky district, the Institute for the Study of War said")
U="https://tass.com/politics/1847151"
r("2024-09-24","(12 villages: the 10 of 12 Sep plus Uspenovka, Borki)","","RU-retaken",U,"RU-official","Alaudinov: Of what it originally seized it has already lost 12 villages.")
U="https://glavred.info/ukraine/vsu-atakuyut-v-kurskoy-oblasti-i-derzhat-pozicii-na-vostoke-v-isw-raskryli-detali-10600466.html"
for s,ru in [("Veseloye","Весёлое"),("Novy Put","Новый Путь"),("Medvezhye","Медвежье")]:
    r("2024-09-26",s,ru,"contested",U,"ISW","ISW: Ukrainian assaults continued in Glushkovo district on 26 Sep near Novy Put, Veseloye and Medvezhye, no confirmed advance (paraphrase)")

# ---------------- October; window 4: 2024-10-31 (10-26..11-05) ----------------
U="https://anews.com.tr/world/2024/10/09/russia-claims-it-retook-control-of-2-settlements-in-kursk-region"
for s,ru in [("Novaya Sorochina","Новая Сорочина"),("Pokrovsky","Покровский")]:
    r("2024-10-09",s,ru,"RU-retaken",U,"RU-official","Russian Defense Ministry: Russian forces retook the settlements of Novaya Sorochina and Pokrovsky")
U="https://avia-pro.it/news/rossiyskie-voyska-okruzhili-1500-ukrainskih-soldat-v-kurskoy-oblasti"
for s,ru in [("Lyubimovka","Любимовка"),("Sheptukhovka","Шептуховка"),("Leonidovo","Леонидово"),("Mikhailovka","Михайловка"),("Novoivanovka","Новоивановка")]:
    r("2024-10-11",s,ru,"RU-retaken",U,"news","Pro-Russian military correspondents: Russian forces liberated Lyubimovka, Sheptukhovka, Leonidovo and Mikhailovka; Novoivanovka cleared (unverified; paraphrase)")
U="https://www.uawire.org:443/ukrainian-forces-reclaim-ground-in-kursk-region"
r("2024-10-11","Novoivanovka","Новоивановка","contested",U,"news","Ukrainian officer 'Alex': positions near Lyubimovka–Novoivanovka are back under Ukrainian control (paraphrase; one-side claim)")
U="https://live2news.com/?p=152342"
for s,ru in [("Lyubimovka","Любимовка"),("Tolsty Lug","Толстый Луг")]:
    r("2024-10-15",s,ru,"RU-retaken",U,"OSINT","Astra Telegram channel reported Tuesday that Moscow had cleared the villages of Lyubimovka and neighboring Tolstoy Lug")
r("2024-10-15","Olgovka","Ольговка","contested",U,"OSINT","Astra: a Kyiv garrison in Olgovka further north was 'practically destroyed.'")
r("2024-10-15","Cherkasskaya Konopelka","Черкасская Конопелька","contested",U,"OSINT","Pro-Moscow military bloggers have also said Russian gained Cherkasskaya Konopelka, southeast of ... Sudzha, which is occupied by Ukraine.")
r("2024-10-15","Sudzha","Суджа","UA-held",U,"news","Cherkasskaya Konopelka, southeast of the district's administrative center of Sudzha, which is occupied by Ukraine.")
U="https://english.pravda.ru/news/hotspots/160961-russian_forces_sudzha_fighting/"
for s,ru in [("Vereteno",""),("Matveyevka","Матвеевка"),("Durovka","Дуровка"),("Zheblovka",""),("Kolmakov","Колмаков"),("Dmitryukov","Дмитрюков")]:
    r("2024-10-21",s,ru,"RU-retaken",U,"RU-official","Mash/Shot (pro-Kremlin channels): Russian forces liberated Vereteno, Matveyevka, Durovka, Zheblovka; farmsteads Kolmakov and Dmitryukov taken (unverified; paraphrase)")
U="https://nenka.info/de/ukrainische-truppen-ruckten-in-die-region-kursk-vor"
r("2024-10-31","Russkoye Porechnoye","Русское Поречное","contested",U,"ISW","ISW: 31 Oct geolocated footage confirmed Ukrainian advance north of Sudzha toward western and south-western parts of Russkoye Porechnoye (German paraphrase)")
r("2024-10-31","Kremyanoye","Кремяное","contested",U,"ISW","Russian sources claim their troops advanced east of Korenevo near Kremyanoye; unconfirmed (ISW, paraphrase)")
for s,ru in [("Novoivanovka","Новоивановка"),("Plekhovo","Плёхово")]:
    r("2024-10-31",s,ru,"contested",U,"ISW","Russian sources reported Ukrainian assaults near Novoivanovka (SE of Korenevo) and Plekhovo (south of Sudzha) (ISW, paraphrase)")
U="https://www.themoscowtimes.com/2025/03/13/russian-army-regains-control-over-sudzha-in-kursk-border-region-a88341"
for d in ["2024-09-20","2024-10-31","2024-12-15","2025-01-31"]:
    r(d,"Sudzha","Суджа","UA-held",U,"news","regained control over the town of Sudzha ... after seven months under Ukrainian control (span statement Aug 2024-Mar 2025, not dated to this day)")

# ---------------- November / window 5: 2024-12-15 (12-10..12-20) ----------------
U="https://war.obozrevatel.com/isw-na-kurschine-imeyut-prodvizhenie-kak-rossijskie-tak-i-ukrainskie-vojska-karta.htm"
r("2024-11-24","Darino","Дарьино","contested",U,"ISW","RU sources claim 51st VDV Regiment seized Darino, but a milblogger admitted it was 'not fully cleared' and Ukrainian forces still operate there (ISW, paraphrase)")
r("2024-11-20","Martynovka","Мартыновка","UA-held",U,"ISW","ISW: 20 Nov geolocated footage indicates Ukrainian forces recently advanced north-east of Martynovka (north-east of Sudzha) (paraphrase)")
r("2024-11-24","Zeleny Shlyakh","Зелёный Шлях","contested",U,"ISW","ISW: 24 Nov footage shows Russian forces advanced south of Zeleny Shlyakh (south-east of Korenevo) (paraphrase)")
U="https://newsletterss.com/post/2qEQQbIvMTqqyDvtJQRnV0uh5xl/rss"
r("2024-12-06","Plekhovo","Плёхово","RU-retaken",U,"ISW","Russian milbloggers ... claimed on December 12 and 13 that North Korean soldiers participated in the seizure of Plekhovo (south of Sudzha) on December 6.")
r("2024-12-14","Kremyanoye","Кремяное","contested",U,"ISW","Geolocated footage published on December 14 shows roughly 40 infantry personnel conducting an assault east of Kremyanoye (east of Korenevo)")
U="https://www.urdupoint.com/en/world/russia-says-recaptured-two-kursk-villages-fro-1891262.html"
for s,ru in [("Darino","Дарьино"),("Plyokhovo","Плёхово")]:
    r("2024-12-11",s,ru,"RU-retaken",U,"RU-official","Russian army units 'liberated the settlements of Darino and Plyokhovo during the course of offensive operations', the Russian defence ministry said.")
U="https://dailywrap.uk/russian-troops-advance-into-kursk-amid-propaganda-push,7105974238123649a"
for s,ru in [("Darino","Дарьино"),("Kruglenkoye","Кругленькое")]:
    r("2024-12-21",s,ru,"contested",U,"ISW","Geolocated materials from 20 and 21 December show that the Russians have approached the villages of Darjino and Kruglenkoje.")
U="https://kyivindependent.com/north-korean-troops-in-kursk-oblast-face-heavy-losses-logistical-struggles-hur-reports"
r("2024-12-20","Novoivanovka","Новоивановка","contested",U,"UA-official","HUR: On Dec. 20, Ukrainian strikes near Novoivanovka reportedly inflicted heavy casualties on North Korean troops (front-line locality)")

# ---------------- January; window 6: 2025-01-31 (01-26..02-05) ----------------
U="https://standard.co.uk/news/politics/ukraine-russia-kursk-offensive-vladimir-putin-b1203086.html"
r("2025-01-05","Berdin","Бердин","contested",U,"ISW","Geolocated footage ... indicates Ukrainian forces advanced in fields southwest and south of Berdin ... and entered the southern part of the settlement")
U="http://avia-pro.de/news/bitva-na-kurskom-napravlenii-rossiyskaya-armiya-dobilas-krupneyshego-prodvizheniya"
for s,ru in [("Kruglenkoye","Кругленькое"),("Leonidovo","Леонидово"),("Aleksandriya","Александрия")]:
    r("2025-01-10",s,ru,"RU-retaken",U,"DeepState","Per DeepState, Ukraine lost 57.6 km2 on 7-10 Jan; lost areas include Kruglenkoye, Leonidovo and Alexandria (Russian site summarising DeepState; paraphrase)")
for s,ru in [("Nikolayevka","Николаевка"),("Novaya Sorochina","Новая Сорочина"),("Staraya Sorochina","Старая Сорочина")]:
    r("2025-01-10",s,ru,"contested",U,"DeepState","Part of the settlements Nikolaevka, Novaya and Staraya Sorochina were in the so-called grey zone (DeepState via avia-pro; paraphrase)")
for s,ru in [("Berdin","Бердин"),("Novosotnitsky","Новосотницкий")]:
    r("2025-01-10",s,ru,"RU-retaken",U,"news","It was also confirmed that the Russian army occupied Berdin and Novosotnitskoe (Russian site; paraphrase)")
U="https://www.themoscowtimes.com/2025/01/27/russian-army-retakes-border-village-in-kursk-region-a87749"
r("2025-01-27","Nikolayevo-Darino","Николаево-Дарьино","RU-retaken",U,"RU-official","units of the 'North' group of troops liberated the settlement of Nikolayevo-Darino, Russia's Defense Ministry said.")
U="https://www.themoscowtimes.com/2025/02/06/russian-army-says-it-repelled-ukrainian-attack-in-kursk-region-a87893"
r("2025-02-06","Ulanok","Уланок","RU-retaken",U,"DeepState","DeepState ... estimates that Kyiv still controls 428 square kilometers ... It lists the towns of Ulanok as under Russian control")
r("2025-02-06","Cherkasskoye Porechnoye","Черкасское Поречное","contested",U,"DeepState","It lists ... Cherkasskoye Porechnoye as a contested 'grey zone.'")
r("2025-02-06","Sudzha","Суджа","UA-held",U,"news","the villages of Ulanok and Cherkasskoye Porechnoye, located near the Ukrainian-controlled city of Sudzha.")
U="https://bcfausa.org/institute-for-the-study-of-war-ukraine-advances-in-kursk-province"
for s,ru in [("Cherkasskaya Konopelka","Черкасская Конопелька"),("Fanaseyevka","Фанасеевка"),("Ulanok","Уланок")]:
    r("2025-02-07",s,ru,"contested",U,"ISW","Russian sources ... acknowledged that Ukrainian forces maintain some positions near Cherkasskaya Konopelka ..., Fanaseyevka, and Ulanok")
r("2025-02-07","Makhnovka","Махновка","contested",U,"ISW","A Kremlin-affiliated Russian milblogger claimed that fighting is ongoing on the outskirts of Makhnovka (just southeast of Sudzha)")

# ---------------- late Feb / window 7: 2025-03-10 (03-05..03-15) ----------------
U="https://www.brighteon.com/908a721b-18c8-4686-9145-e3a22344b238"
for s,ru in [("Pogrebki","Погребки"),("Marievka","Марьевка")]:
    r("2025-02-25",s,ru,"RU-retaken",U,"news","South Front (pro-Russian): footage of Russian flags in Pogrebki confirms full Russian control; Marievka taken earlier (paraphrase)")
U="https://d1z7h0yvamgnyn.cloudfront.net/ru/363232"
r("2025-03-06","Kurilovka","Куриловка","contested",U,"DeepState","DeepState recorded on Thursday that the village of Kurilovka (about 5 km south of Sudzha) moved into the 'grey zone' (Agentstvo; paraphrase)")
U="https://globalnation.inquirer.net/266179/amp"
r("2025-03-06","Sverdlikovo","Свердликово","RU-retaken",U,"DeepState","DeepState map: Ukraine had in recent days pulled its forces back from land west of the village of Sverdlikovo (area only; paraphrase)")
U="https://www.themoscowtimes.com/2025/03/08/russia-says-retook-3-villages-from-ukraine-in-kursk-a88293"
for s,ru in [("Viktorovka","Викторовка"),("Nikolayevka","Николаевка"),("Staraya Sorochina","Старая Сорочина")]:
    r("2025-03-08",s,ru,"RU-retaken",U,"RU-official","The Russian Defense Ministry announced the recapture of Viktorovka, Nikolayevka and Staraya Sorochina.")
U="https://newsukraine.rbc.ua/news/russian-army-captures-northern-salient-of-1741576305.html"
for s,ru in [("Novaya Sorochina","Новая Сорочина"),("Malaya Loknya","Малая Локня"),("Lebedevka","Лебедевка")]:
    r("2025-03-08",s,ru,"RU-retaken",U,"ISW","Geolocated footage released on March 8 indicates that Russian forces have captured the villages of Novaya Sorochina ..., Malaya Loknya ..., and Lebedevka")
for s,ru in [("Cherkasskoye Porechnoye","Черкасское Поречное"),("Martynovka","Мартыновка")]:
    r("2025-03-08",s,ru,"contested",U,"ISW","According to the Russian bloggers, Ukrainian forces maintain limited positions in Malaya Loknya, Cherkasskoye Porechnoye ... and Martynovka")
r("2025-03-08","Kazachya Loknya","Казачья Локня","UA-held",U,"ISW","Russian bloggers claim that most Ukrainian forces have retreated from positions in the northern part of the bulge towards Kazachya Loknya and Sudzha.")
U="https://notes.citeam.org/dispatch-march-7-10-2025"
for s,ru in [("Viktorovka","Викторовка"),("Nikolayevka","Николаевка"),("Staraya Sorochina","Старая Сорочина"),("Kositsa","Косица")]:
    r("2025-03-10",s,ru,"RU-retaken",U,"OSINT","the Russian Armed Forces took control of the villages of Viktorovka, Nikolayevka, Staraya Sorochina and Kositsa.")
for s,ru in [("Malaya Loknya","Малая Локня"),("Cherkasskoye Porechnoye","Черкасское Поречное"),("Martynovka","Мартыновка")]:
    r("2025-03-10",s,ru,"contested",U,"OSINT","Russian forces launched assault operations in the northern part of the bridgehead, advancing near the villages of Malaya Loknya, Cherkasskoye Porechnoye and Martynovka.")
U="https://www.novinite.com/view_news.php?id=231250"
for s,ru in [("Martynovka","Мартыновка"),("Malaya Loknya","Малая Локня")]:
    r("2025-03-09",s,ru,"RU-retaken",U,"DeepState","On March 9, DeepState noted that Russian forces had regained control of Martynovka and Malaya Loknya")
r("2025-03-11","Guyevo","Гуево","UA-held",U,"DeepState","On the right flank in the Guyevo area, Ukrainian defense forces have slowed the advance of North Korean troops")
U="https://bignewsnetwork.com/news/278081690/are-the-ukrainian-army-days-in-russia-kursk-region-numbered"
r("2025-03-10","Sudzha","Суджа","UA-held",U,"news","RFE/RL: Kyiv still controls most of Sudzha, the local district capital, and other settlements.")
r("2025-03-10","Guyevo","Гуево","UA-held",U,"news","Reports say Russian troops ... cut off Sudzha from the Ukrainian-controlled Russian village of Guyevo.")
U="https://kyivindependent.com/russia-claims-to-recapture-12-kursk-oblast-settlements-amid-new-offensive/"
for s,ru in [("Agronom","Агроном"),("Bogdanovka","Богдановка"),("Bondarevka","Бондаревка"),("Dmitryukov","Дмитрюков"),("Zazulevka","Зазулевка"),("Ivashkovsky","Ивашковский"),("Kolmakov","Колмаков"),("Kubatkin","Кубаткин"),("Martynovka","Мартыновка"),("Mikhailovka","Михайловка"),("Pravda","Правда"),("Yuzhny","Южный")]:
    r("2025-03-11",s,ru,"RU-retaken",U,"RU-official","Russia recaptured ... Agronom, Bogdanovka, Bondarevka, Dmitryukov, Zazulevka, Ivashkovsky, Kolmakov, Kubatkin, Martynovka, Mikhailovka, Pravda, and Yuzhny ..., the Russian Defense Ministry claimed.")
U="https://news-hub.net.ua/?p=31673"
for s,ru in [("Bondarevka","Бондаревка"),("Zamostye","Замостье"),("Makhnovka","Махновка")]:
    r("2025-03-12",s,ru,"RU-retaken",U,"ISW","Geolocation data indicate recent Russian capture of Bondarevka, Zamostye and Makhnovka (Ukrainian summary of military analysts, likely ISW; paraphrase)")
for s,ru in [("Kazachya Loknya","Казачья Локня"),("2nd Knyazhy","Княжий 2")]:
    r("2025-03-12",s,ru,"RU-retaken",U,"ISW","Russian milbloggers: Russian advances forced Ukrainian forces to withdraw from positions in Kazachya Loknya and Knyazhy 2 (paraphrase)")
U="https://24tv.ua/boyi-sudzhi-12-bereznya-diysno-zsu-viyshli-iz-mista-onovlennya_n2773923/amp"
for s,ru in [("Makhnovka","Махновка"),("Zamostye","Замостье"),("Kazachya Loknya","Казачья Локня")]:
    r("2025-03-12",s,ru,"RU-retaken",U,"DeepState","DeepState 12 Mar map update: the enemy occupied Makhnovka, Zamostye and Kazachya Loknya (Ukrainian-language report; paraphrase)")
r("2025-03-12","Sudzha","Суджа","contested",U,"DeepState","DeepState: Russians control almost all of Sudzha except a grey zone in the north and west (paraphrase)")
U="https://rangeinn.com/russia-gains-kursk-63035"
for s,ru in [("Kazachya Loknya","Казачья Локня"),("1st Knyazhy","Княжий 1"),("2nd Knyazhy","Княжий 2"),("Zamostye","Замостье"),("Mirny","Мирный")]:
    r("2025-03-12",s,ru,"RU-retaken",U,"RU-official","Russian army units 'liberated the settlements of Kazachya Loknya, 1st Knyazhy, 2nd Knyazhy, Zamostye and Mirny' ..., the Russian defence ministry said")
U="https://www.pravda.com.ua/eng/news/2025/03/13/7502688/"
r("2025-03-13","Sudzha","Суджа","contested",U,"DeepState","fighting continues on the northern and western outskirts of the city ... look more closely at the map and see the grey zone")
U="https://www.themoscowtimes.com/2025/03/13/russian-army-regains-control-over-sudzha-in-kursk-border-region-a88341"
for s,ru in [("Sudzha","Суджа"),("Melovoy","Меловой"),("Podol","Подол")]:
    r("2025-03-13",s,ru,"RU-retaken",U,"RU-official","Units of the 'Sever' group of forces liberated the settlements of Melovoy, Podol and Sudzha during the offensive")
U="https://westernpost.ng/ukraine-loses-key-territory-in-kursk-as-russia-advances/"
r("2025-03-13","Sudzha","Суджа","RU-retaken",U,"ISW","ISW confirmed that footage from the ground indicated Russian forces had seized Sudzha and advanced into southern Zaoleshenka")
r("2025-03-13","Zaoleshenka","Заолешенка","contested",U,"ISW","Russian forces ... advanced into southern Zaoleshenka, a settlement just northwest of the town.")
U="https://www.novinite.com/view_news.php?id=231316"
r("2025-03-14","Goncharovka","Гончаровка","RU-retaken",U,"RU-official","Russia announced ... its forces had successfully retaken the village of Goncharovka ... The Russian Defense Ministry stated that the village was liberated")
U="https://bulgaria.news-pravda.com/world/2025/03/14/78585.html"
for s,ru in [("Guevo","Гуево"),("Gornal","Горналь"),("Gogolevka","Гоголевка"),("Oleshnya","Олешня")]:
    r("2025-03-14",s,ru,"UA-held",U,"news","(Pro-Kremlin 'Pravda' network) As of evening 14 March 2025, four villages in Kursk oblast are under Ukrainian control: Guevo, Gornal, Gogolevka and Oleshnya (paraphrase)")

# ---------------- window 8: 2025-03-20 (03-15..03-25) ----------------
U="https://www.pravda.com.ua/eng/news/2025/03/15/7503068/"
for s,ru in [("Sudzha","Суджа"),("Rubanshchina","Рубанщина"),("Novolyubovka","")]:
    r("2025-03-15",s,ru,"RU-retaken",U,"DeepState","The enemy occupied Sudzha, Rubanshchina and Novolyubovka")
U="https://www.anews.com.tr/world/2025/03/15/russia-claims-to-have-retaken-2-settlements-in-kursk-region-from-ukraine"
for s,ru in [("Zaoleshenka","Заолешенка"),("Rubanshchina","Рубанщина")]:
    r("2025-03-15",s,ru,"RU-retaken",U,"RU-official","Units of the Sever (North) Group of Forces liberated the settlements of Zaoleshenka and Rubanschina during offensive operations")
U="https://avia-es.com/news/rossiyskie-voyska-zavershayut-osvobozhdenie-kurskoy-oblasti"
r("2025-03-15","Gogolevka","Гоголевка","RU-retaken",U,"OSINT","Podolyaka (pro-Russian blogger): by morning of 15 March Russian forces established full control over Gogolevka (paraphrase, Spanish)")
r("2025-03-15","Guevo","Гуево","contested",U,"OSINT","Podolyaka: active fighting began in the village of Guevo (paraphrase)")
for s,ru in [("Oleshnya","Олешня"),("Gornal","Горналь")]:
    r("2025-03-15",s,ru,"UA-held",U,"OSINT","Podolyaka: after Guevo, only two border villages will remain under Ukrainian control: Oleshnya and Gornal (paraphrase)")
U="https://tvfront.rs/vojne-vesti/ruska-vojska-oslobodila-jos-jedno-selo-kod-sudze"
r("2025-03-16","Gogolevka","Гоголевка","contested",U,"RU-official","TASS, citing security agencies: Russian troops control the greater part of Gogolevka (Serbian report; paraphrase; date approx.)")
U="https://fakti.bg/en/world/956659-russia-says-it-has-recaptured-another-village-in-kursk-region"
r("2025-03-17","Goncharovka","Гончаровка","RU-retaken",U,"RU-official","The Russian Defense Ministry said its forces had liberated Goncharovka - one of the few remaining villages in the region still under Ukrainian control.")
U="https://smotrim.ru./article/4424985"
for s,ru in [("Oleshnya","Олешня"),("Gornal","Горналь")]:
    r("2025-03-26",s,ru,"UA-held",U,"OSINT","Razin (Russian war correspondent): two settlements remain under AFU control – Oleshnya and Gornal (paraphrase)")
for s,ru in [("Gogolevka","Гоголевка"),("Guevo","Гуево")]:
    r("2025-03-26",s,ru,"contested",U,"OSINT","Razin: battles are now under way for two more villages – Gogolevka and Guevo (paraphrase)")
U="http://avia-pro.it/news/vsu-vybity-iz-severnoy-chasti-guevo-v-kurskoy-oblasti"
r("2025-03-26","Guevo","Гуево","contested",U,"OSINT","Severny Veter (RU Telegram): Russian troops drove the enemy out of the northern part of Guevo (paraphrase, Italian)")

# ---------------- April 2025 ----------------
U="https://agents.media/?p=9456711"
r("2025-04-07","Guevo","Гуево","RU-retaken",U,"OSINT","Russian military took Guevo, reported by the Russian MoD and confirmed by OSINT project BlackBird (geolocated flag over the church) (paraphrase)")
r("2025-04-08","Guevo","Гуево","UA-held",U,"DeepState","DeepState ... continues to show Guevo as under the control of the AFU (paraphrase; DeepState disagreed with BlackBird)")
r("2025-04-08","Gornal","Горналь","UA-held",U,"OSINT","Only two settlements remain under Ukrainian control according to ISW and BlackBird Group data — Gornal ... (paraphrase)")
U="https://cyprus-mail.com/2025/04/08/russia-pushes-ukrainian-troops-from-one-of-their-last-footholds-in-kursk-region-army-says"
r("2025-04-08","Guyevo","Гуево","RU-retaken",U,"RU-official","Russia's Defence Ministry released video of what it said was the recapture of the settlement of Guyevo")
for s,ru in [("Gornal","Горналь"),("Oleshnya","Олешня")]:
    r("2025-04-08",s,ru,"UA-held",U,"RU-official","TASS: Russian forces only had to push Ukrainian troops out of two more settlements – Gornal and Oleshnya – to retake the region")
U="https://www.themoscowtimes.com/2025/04/19/russian-forces-close-to-fully-liberating-kursk-region-military-says-a88797"
r("2025-04-19","Oleshnya","Олешня","RU-retaken",U,"RU-official","units of the Northern Group of Forces liberated the village of Oleshnya, the Russian Defense Ministry said")
r("2025-04-19","Gornal","Горналь","UA-held",U,"news","With Oleshnya now under Russian control, the only village in the Kursk region still held by Ukrainian forces is Gornal")
U="https://www.pravda.com.ua/eng/news/2025/04/27/7509343/"
r("2025-04-26","Gornal","Горналь","contested",U,"DeepState","The enemy has made gains in Kursk Oblast, nearly fully occupying the settlement of Gornal and advancing near Oleshnya.")
r("2025-04-26","Oleshnya","Олешня","UA-held",U,"DeepState","These are the last villages where the defence forces still maintain control. (refers to Gornal and Oleshnya; DeepState disputes RU claim of 19 Apr)")


# ---- additions (glavred ISW summaries, UK MoD) ----
U="https://glavred.net/ukraine/voyska-rf-pereshli-v-masshtabnoe-nastuplenie-na-kurshchine-v-isw-nazvali-celi-vraga-10604630.html"
r("2024-10-10","Kremyanoye","Кремяное","contested",U,"ISW","ISW: 10 Oct geolocated footage shows Russian advance in central Kremyanoye and envelopment of Ukrainian positions near Lyubimovka (paraphrase)")
for s_,ru in [("Olgovka","Ольговка"),("Nizhny Klin","Нижний Клин")]:
    r("2024-10-10",s_,ru,"RU-retaken",U,"ISW","ISW: Russian milbloggers claim Russian forces captured Olgovka and Nizhny Klin in Korenevo district (claim, unconfirmed by ISW; paraphrase)")
U="https://glavred.info/ukraine/zsu-prosunulisya-na-pivnich-vid-sudzhi-v-isw-rozpovili-pro-boji-u-kurskiy-oblasti-10607093.html"
for s_,ru in [("Kruglenkoye","Кругленькое"),("Leonidovo","Леонидово")]:
    r("2024-10-22",s_,ru,"contested",U,"ISW","ISW (date approx.): Ukrainian forces conducted offensive actions south-east of Korenevo near Kruglenkoye and Leonidovo (paraphrase)")
r("2024-10-22","Plekhovo","Плёхово","contested",U,"ISW","ISW (date approx.): a Kremlin-linked blogger said rumours of Russia capturing Plekhovo are unconfirmed (paraphrase)")
U="https://glavred.net/ukraine/zsu-kontratakuyut-u-kurskiy-oblasti-bilya-nizki-naselenih-punktiv-isw-10609442.html"
for s_,ru in [("Kremyanoye","Кремяное"),("Nizhny Klin","Нижний Клин"),("Novoivanovka","Новоивановка"),("Aleksandriya","Александрия"),("Lyubimovka","Любимовка"),("Darino","Дарьино"),("Russkaya Konopelka","Русская Конопелька"),("Plekhovo","Плёхово")]:
    r("2024-10-28",s_,ru,"contested",U,"ISW","ISW 28 Oct: no confirmed line changes; RU MoD says Ukrainian forces counterattacked near this village (front-line locality; paraphrase)")
r("2024-10-28","Novy Put","Новый Путь","contested",U,"ISW","ISW 28 Oct: a Russian milblogger said Russian forces had not fully pushed Ukrainian forces out of Novy Put (Glushkovo district) (paraphrase)")
U="https://glavred.net/ukraine/kruto-dayut-po-zubam-vragu-armiya-rf-v-panike-iz-za-prodvizheniya-vsu-na-kurshchine-10619624.html"
r("2024-12-04","Darino","Дарьино","contested",U,"ISW","ISW (date approx. early Dec): geolocated footage shows Ukrainian forces advanced south of Darino (paraphrase)")
U="https://glavred.net/ukraine/vsu-ustroili-hitruyu-zasadu-na-kurshchine-pogromili-tehniku-vzyali-vraga-v-plen-10620536.html"
r("2024-12-07","Martynovka","Мартыновка","contested",U,"ISW","ISW: Russian sources claim they entered Plekhovo and are pushing Ukrainians out of Martynovka; ISW found no visual confirmation (paraphrase)")
U="https://glavred.net/ukraine/rossiyane-prodvigayutsya-na-mnogih-napravleniyah-isw-o-slozhnoy-situacii-na-fronte-10622591.html"
for s_,ru in [("Lyubimovka","Любимовка"),("Kurilovka","Куриловка")]:
    r("2024-12-14",s_,ru,"contested",U,"ISW","ISW ~14 Dec: Russian forces advanced east of Lyubimovka and east of Kurilovka (south of Sudzha) (paraphrase; village status not stated)")
U="https://glavnoe.in.ua/news/brytanska-rozvidka-rosiya-prodovzhuye-kontrnastup-u-kurskij-oblasti-z-taktychnymy-uspihamy"
r("2024-12-20","Kruglenkoye","Кругленькое","contested",U,"news","UK Defence Intelligence (December, date approx.): Russian forces advanced up to 4 km, fighting for the village of Kruglenkoye (paraphrase)")
r("2024-12-20","Makhnovka","Махновка","contested",U,"news","UK Defence Intelligence: Russian forces advanced ~2 km west of Plekhovo and remain near the outskirts of Makhnovka (paraphrase)")
U="https://pravdatutnews.com/emergency/2025/01/08/53376-nastup-ukrayiny-na-kurshchyni-zsu-prosunulysya-na-pivnichnyy-shid"
for s_,ru in [("Russkoye Porechnoye","Русское Поречное"),("Novosotnitsky","Новосотницкий")]:
    r("2025-01-06",s_,ru,"contested",U,"ISW","ISW: Ukrainian troops entered the southern outskirts of Berdin and the centres of Russkoye Porechnoye and Novosotnitskoye (paraphrase)")

QUAL={("2024-08-27","Viktorovka"):"Viktorovka (Korenevsky district)",
      ("2024-09-12","Viktorovka"):"Viktorovka (Korenevsky district)",
      ("2025-03-08","Viktorovka"):"Viktorovka (Sudzhansky district, near Staraya Sorochina)",
      ("2025-03-10","Viktorovka"):"Viktorovka (Sudzhansky district, near Staraya Sorochina)",
      ("2024-08-15","Mikhailovka"):"Mikhailovka (Sudzhansky district, ~3 km E of Sudzha)",
      ("2025-03-11","Mikhailovka"):"Mikhailovka (Sudzhansky district, NE of Sudzha)",
      ("2024-10-11","Mikhailovka"):"Mikhailovka (district not stated; several villages share the name)"}
rows=[[x[0],QUAL.get((x[0],x[1]),x[1])]+x[2:] for x in rows]
with open("/work/staging/reference/held.csv","w",newline="") as f:
    w=csv.writer(f)
    w.writerow(["date","settlement","settlement_ru","status","source_url","source_kind","quote"])
    rows.sort(key=lambda x:(x[0],x[1]))
    w.writerows(rows)
print(len(rows))
