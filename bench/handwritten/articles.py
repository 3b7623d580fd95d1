"""A second labelled set, written by the newswire team (CC0), for scoring only.

Short news stories in the styles of the development corpus (wire copy, local papers, press
releases, a digest), about operations, court steps, removals, attacks, abductions and releases in
Spain, Morocco, France, Belgium, Italy, Niger and Nigeria. The places and agencies are real; the
stories are invented. They were written and annotated (``gold.json``, the format of
../shared/gold/seed-events.json) before the extractor was run on them and first scored blind;
since then their errors have been read and fixed, so they are a tuning set now, not a check:

    python bench/handwritten/articles.py build   # writes pages/*.html from the texts below
    newswire eval --gold bench/handwritten/gold.json --pages bench/handwritten
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

HERE = Path(__file__).parent

ARTICLES: dict[str, dict[str, object]] = {
    "hw-01": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2023/05/18/spain-four-held-valencia-alicante/",
        "published": "2023-05-18T13:05:00+02:00",
        "title": "Spanish police arrest four in Valencia and Alicante over Islamic State propaganda",
        "paragraphs": [
            "MADRID, May 18 (Iberwire) - Spain's National Police arrested four men on Wednesday in Valencia and Alicante on suspicion of spreading Islamic State propaganda online, the Interior Ministry said.",
            "Three of the suspects were detained in Valencia and the fourth in Alicante, where officers also searched a flat and seized two laptops and several mobile phones.",
            "The men, all Moroccan nationals aged between 22 and 35, had run encrypted chat groups that shared execution videos and calls for attacks in Europe, according to the ministry. Investigators said the group had been under surveillance since last autumn.",
            "A judge at the National Court in Madrid is expected to decide on Friday whether they will remain in custody.",
            "Spanish police have arrested 41 people on jihadism-related charges so far this year, according to ministry figures.",
        ],
    },
    "hw-02": {
        "outlet": "Diario de la Costa Blanca (English edition)",
        "url": "https://www.costablancadiario.example/en/2023/05/19/alicante-flat-searched-four-held/",
        "published": "2023-05-19T07:40:00+02:00",
        "title": "Alicante flat searched as four held over jihadist chats",
        "paragraphs": [
            "Officers from the National Police's General Information Commission raided a flat in the Carolinas neighbourhood of Alicante early on Wednesday and detained a 29-year-old man, one of four people held in Valencia and Alicante in a coordinated operation.",
            "The other three were arrested in the city of Valencia, police sources told this newspaper.",
            'Neighbours said the man had lived in the building for two years and worked at a car wash. "He was always polite," said one resident, who asked not to be named.',
            "The four are accused of belonging to an online network that spread propaganda for the Islamic State group. On Thursday a National Court judge ordered all four held in custody pending further investigation.",
        ],
    },
    "hw-03": {
        "outlet": "Sahel Wire",
        "url": "https://www.sahelwire.example/2022/03/23/niger-tizegorou-market-attack/",
        "published": "2022-03-23T10:15:00+01:00",
        "title": "Gunmen kill 19 at village market in western Niger",
        "paragraphs": [
            "NIAMEY, March 23 (Sahel Wire) - Gunmen on motorbikes killed at least 19 civilians in an attack on the village of Tizegorou in western Niger's Tillaberi region on Monday, the interior ministry said.",
            "The assailants opened fire on residents at a weekly market before setting fire to shops and granaries, a local official said. Eight people were wounded and taken to hospital in Ouallam.",
            "No group has claimed responsibility, but the area near the borders with Mali and Burkina Faso is a stronghold of the Islamic State Sahel Province.",
            "Niger's armed forces said on Tuesday that troops deployed to the area had killed six of the attackers in a pursuit near Banibangou.",
            "More than 1,200 civilians were killed in the region last year, according to conflict monitors.",
        ],
    },
    "hw-04": {
        "outlet": "Maghreb Press Digest",
        "url": "https://www.maghrebpressdigest.example/revue/2021/11/13/sale-cell-sentences/",
        "published": "2021-11-13T09:00:00+01:00",
        "title": "Sale court jails seven members of Tangier-Tetouan cell",
        "paragraphs": [
            "The anti-terrorism chamber of the Sale Court of Appeal on Thursday handed sentences of between four and 15 years in prison to seven members of a cell dismantled in Tangier and Tetouan in March, the daily Al Akhbar reported.",
            "The cell's alleged leader, a 31-year-old baker, received the heaviest term. Two other defendants were acquitted.",
            "Prosecutors had accused the group of plotting attacks on tourist sites and of recruiting fighters for the Islamic State in the Sahel.",
            "The BCIJ announced the dismantling of the cell on 18 March, saying it had seized a pistol, knives and chemical substances during searches in both cities.",
        ],
    },
    "hw-05": {
        "outlet": "Brussels Metro News",
        "url": "https://www.brusselsmetro.example/2022/11/11/schaerbeek-officer-killed/",
        "published": "2022-11-11T08:30:00+01:00",
        "title": "Police officer killed in Schaerbeek knife attack",
        "paragraphs": [
            "A police officer was stabbed to death and a colleague seriously injured in an attack in the Schaerbeek district of Brussels on Thursday evening, the federal prosecutor's office said.",
            "The attacker, a 32-year-old man known to the security services, approached the two officers at a traffic stop on Boulevard Lambermont and stabbed them repeatedly. Other officers shot and wounded him at the scene; he was taken to hospital under police guard.",
            "The prosecutor's office, which handles terrorism cases, has taken over the investigation. The suspect had been on a watch list of radicalised individuals since 2013.",
            "Interior Minister Annelies Verlinden said flags would be flown at half-mast on Saturday.",
        ],
    },
    "hw-06": {
        "outlet": "Eurowire",
        "url": "https://www.eurowire.example/2019/09/28/france-three-charged-police-plot/",
        "published": "2019-09-28T16:20:00+02:00",
        "title": "Three charged in France over suspected plan to attack police",
        "paragraphs": [
            "PARIS, Sept 28 (Eurowire) - Three men arrested this week in the Paris region and in Lyon were charged on Friday with terrorist criminal conspiracy over a suspected plan to attack police officers, judicial sources said.",
            "The suspects, aged 19 to 24, were detained on Tuesday by officers of the DGSI domestic intelligence service, two in Seine-Saint-Denis and one in Villeurbanne, near Lyon. A fourth person held in the operation was released without charge on Thursday.",
            "Investigators found a hunting rifle and instructions for making explosives at one of the addresses, a source close to the case said.",
            "France has foiled dozens of plots since the 2015 attacks in Paris, according to the interior ministry.",
        ],
    },
    "hw-07": {
        "outlet": "Northern Ledger",
        "url": "https://www.northernledger.example/news/2021/03/03/kagara-students-freed/",
        "published": "2021-03-03T11:00:00+01:00",
        "title": "Kidnapped Kagara students and staff freed",
        "paragraphs": [
            "Gunmen who abducted 42 students and staff from a boarding school in Kagara, Niger State, on February 17 have freed all of them, the state governor said on Saturday.",
            "The captives were released on Saturday morning in a forest near the village of Tegina and were being examined by doctors in Minna, the state capital, Governor Abubakar Sani Bello told reporters. One student was killed during the raid on the school.",
            "Officials denied that a ransom had been paid. Bandits have kidnapped more than 700 schoolchildren in north-western Nigeria since December, according to a tally by the agency.",
        ],
    },
    "hw-08": {
        "outlet": "Interior Press Office",
        "url": "https://www.itinteriordigest.example/press/2020/01/15/expulsion-tunisian-national/",
        "published": "2020-01-15T17:00:00+01:00",
        "title": "Tunisian national expelled for reasons of State security",
        "paragraphs": [
            "ROME, 15 January 2020 - A 27-year-old Tunisian national was expelled today on State security grounds by order of the Minister of the Interior and placed on a flight from Rome Fiumicino airport to Tunis.",
            "The man, who lived in Genoa, had come to the attention of the DIGOS after posting messages in support of the Islamic State on social media.",
            "He is the 98th person expelled for reasons linked to religious extremism since the start of 2019, the ministry said.",
        ],
    },
    "hw-09": {
        "outlet": "Maghreb Press Wire",
        "url": "https://www.maghrebpresswire.example/en/security/2023/09/08/bcij-cell-oujda-berkane-nador/",
        "published": "2023-09-08T12:00:00+01:00",
        "title": "BCIJ dismantles five-member cell in Oujda, Berkane and Nador",
        "paragraphs": [
            "Rabat - The Central Bureau of Judicial Investigations (BCIJ) dismantled on Thursday a terrorist cell of five members loyal to the Islamic State, active in the cities of Oujda, Berkane and Nador, the General Directorate of National Security said in a statement.",
            "Three suspects were arrested in Oujda, while the two others were apprehended in Berkane and Nador respectively.",
            "Searches at the suspects' homes led to the seizure of electronic equipment and a manuscript pledging allegiance to the terrorist organisation.",
            "The suspects will be brought before the competent prosecutor's office once the investigation is complete.",
        ],
    },
    "hw-10": {
        "outlet": "Strait Security Weekly",
        "url": "https://www.straitsecurity.example/2023/03/25/week-in-review-12/",
        "published": "2023-03-25T10:00:00+01:00",
        "title": "Week in review: a Ceuta arrest and a cell in Casablanca",
        "paragraphs": [
            "Our weekly round-up of security news from both shores of the Strait.",
            "SPAIN. The Guardia Civil arrested a 19-year-old in Ceuta on Tuesday accused of preparing a knife attack on a church. It was the second arrest of a young jihadist sympathiser in the enclave this month, after police detained a 17-year-old there on 3 March.",
            "MOROCCO. Security services broke up a four-member cell in Casablanca and Settat on Wednesday, seizing knives and combat gear, the BCIJ said. The suspects, who had pledged allegiance to Islamic State, were planning attacks on public buildings, it added.",
        ],
    },
    "hw-11": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/03/14/spain-morocco-joint-cell-ceuta-tetouan/",
        "published": "2024-03-14T12:30:00+01:00",
        "title": "Spain and Morocco break up Islamic State cell in Ceuta and Tetouan",
        "paragraphs": [
            "MADRID, March 14 (Iberwire) - Spanish and Moroccan police dismantled an Islamic State cell on Wednesday, detaining five suspects in a joint operation in Ceuta and the Moroccan city of Tetouan, Spain's Interior Ministry said.",
            "Two of the men were taken into custody in Ceuta by officers of the National Police, and three were arrested in Tetouan by agents of Morocco's General Directorate of Territorial Surveillance (DGST), the ministry said in a statement.",
            "The suspects, aged between 19 and 33, are accused of recruiting young people online for the group and of discussing possible attacks in Spain. Police seized mobile phones, a laptop and 4,000 euros in cash.",
            "Spanish police have arrested 78 suspected jihadists since January 2023, according to ministry figures.",
        ],
    },
    "hw-12": {
        "outlet": "Ceuta al Dia",
        "url": "https://www.ceutaaldia.example/sucesos/2024/03/15/cinco-detenidos-celula/",
        "published": "2024-03-15T09:10:00+01:00",
        "title": "Two Ceuta men among five held in cross-border jihadist cell",
        "paragraphs": [
            "Two young men from the Principe neighbourhood were among the five people arrested on 13 March in a coordinated operation against a jihadist cell on both sides of the border, police sources confirmed to this newspaper.",
            "The pair, both Spanish nationals of Moroccan origin, were detained at their homes in the early hours. The other suspects were held in Tetouan, according to the same sources.",
            "The operation was carried out by the security services of both countries. It is the third cell broken up in the city in two years; in April 2022 police arrested four members of a group that had pledged allegiance to the Islamic State.",
        ],
    },
    "hw-13": {
        "outlet": "Lake Chad Monitor",
        "url": "https://www.lakechadmonitor.example/news/2022/06/14/iswap-raid-army-base-borno/",
        "published": "2022-06-14T08:00:00+01:00",
        "title": "Militants kill 12 soldiers in raid on army base in Borno",
        "paragraphs": [
            "Fighters of the Islamic State West Africa Province (ISWAP) killed 12 soldiers and wounded at least 9 when they stormed an army base in the town of Damboa in Nigeria's Borno State late on Sunday, military sources said.",
            "The attackers arrived in more than a dozen gun trucks and burned several buildings before withdrawing, one officer said. The group claimed the attack in a statement on Monday.",
            "The army said in a statement that troops had repelled the assault and killed 30 of the militants as they withdrew towards the Sambisa forest.",
            "The jihadist insurgency in the northeast has killed more than 35,000 people since 2009, according to the United Nations.",
        ],
    },
    "hw-14": {
        "outlet": "Parquet national antiterroriste",
        "url": "https://www.pnat-communiques.example/2023/10/20/communique-strasbourg/",
        "published": "2023-10-20T18:00:00+02:00",
        "title": "Press release: a man charged in Paris over a planned attack in Strasbourg",
        "paragraphs": [
            "Press release of Friday 20 October 2023",
            "On Tuesday 17 October 2023, officers of the General Directorate for Internal Security (DGSI) arrested a 22-year-old man in Strasbourg as part of an investigation opened by the national anti-terrorism prosecutor's office for terrorist criminal conspiracy.",
            "The man, who had expressed his wish to attack a Christmas market, was taken into police custody. Searches of his home led to the discovery of a knife and notes pledging allegiance to the Islamic State.",
            "At the end of his custody, he was brought before an investigating judge in Paris, who today charged him with terrorist criminal conspiracy and ordered him held in pre-trial detention.",
        ],
    },
    "hw-15": {
        "outlet": "Sahel Wire",
        "url": "https://www.sahelwire.example/2023/04/05/mali-gunmen-abduct-three/",
        "published": "2023-04-05T14:20:00+00:00",
        "title": "Gunmen abduct three aid workers in central Mali",
        "paragraphs": [
            "BAMAKO, April 5 (Sahel Wire) - Gunmen abducted three aid workers, two Malians and a Togolese national, on the road between Mopti and Sevare in central Mali on Monday, their organisation said.",
            "The three were travelling in a clearly marked vehicle when they were stopped by armed men on motorbikes, a local official said. Their driver was released a few hours later.",
            "No group has claimed responsibility. Kidnappings of aid workers have become frequent in the centre of the country, where groups linked to al Qaeda and Islamic State are active.",
        ],
    },
    "hw-16": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2022/11/29/spain-expels-imam-morocco/",
        "published": "2022-11-29T16:45:00+01:00",
        "title": "Spain expels Moroccan imam deemed a threat to national security",
        "paragraphs": [
            "MADRID, Nov 29 (Iberwire) - Spain expelled a Moroccan imam to Morocco on Monday after the Interior Ministry concluded he posed a threat to national security, police sources said.",
            "The 48-year-old, who had preached at a mosque in Tarragona, was escorted by police officers onto a ferry from Algeciras to Tangier. He is barred from returning to Spain for ten years.",
            "Spain has expelled more than 30 people on national security grounds since 2019, according to government data.",
        ],
    },
    "hw-17": {
        "outlet": "Tunis Afrique Digest",
        "url": "https://www.tunisdigest.example/2021/08/09/kasserine-cell/",
        "published": "2021-08-09T11:00:00+01:00",
        "title": "National Guard dismantles four-member cell in Kasserine",
        "paragraphs": [
            "TUNIS, Aug 9 - National Guard units dismantled a four-member terrorist cell in the governorate of Kasserine at the weekend, the Interior Ministry said on Monday.",
            "The suspects were rounded up in a sweep of the Ezzouhour district on Saturday, the ministry said. They are suspected of supplying food and money to fighters of the Jund al-Khilafa group hiding in the mountains of Mount Chaambi.",
            "Investigators found a hunting rifle and a quantity of ammonium nitrate during the searches, it added. The suspects were placed in custody on the orders of the public prosecutor.",
        ],
    },
    "hw-18": {
        "outlet": "Horn Security Brief",
        "url": "https://www.hornsecurity.example/2024/01/18/airstrike-jilib/",
        "published": "2024-01-18T07:30:00+03:00",
        "title": "US strike kills three al-Shabaab fighters near Jilib",
        "paragraphs": [
            "MOGADISHU, Jan 18 - A US airstrike killed three al-Shabaab fighters near the town of Jilib in southern Somalia on Tuesday, the US Africa Command (AFRICOM) said in a statement.",
            "The strike was carried out at the request of the Somali government, AFRICOM said, adding that no civilians were believed to have been hurt.",
            "US forces have carried out more than a dozen strikes against the group since the start of last year. Jilib, in the Middle Juba region, has been held by al-Shabaab for more than a decade.",
        ],
    },
    "hw-19": {
        "outlet": "Europol newsroom",
        "url": "https://www.europol-press.example/2024/04/26/nine-arrested-propaganda-network/",
        "published": "2024-04-26T11:00:00+02:00",
        "title": "Nine arrested in action against Islamic State propaganda network in three countries",
        "paragraphs": [
            "Press release, 26 April 2024",
            "Law enforcement authorities in Belgium, Germany and the Netherlands, supported by Europol, arrested nine suspects on Tuesday 23 April in a coordinated action against an online network distributing Islamic State propaganda.",
            "Five of the suspects were arrested in Belgium, three in Germany and one in the Netherlands. Investigators searched 14 premises and seized computers, phones and storage media.",
            "The network ran channels on several messaging services that reached tens of thousands of users. Europol has supported 24 such action days against online terrorist content since 2021.",
        ],
    },
    "hw-20": {
        "outlet": "Horn Security Brief",
        "url": "https://www.hornsecurity.example/2024/06/16/mogadishu-hotel-siege/",
        "published": "2024-06-16T09:00:00+03:00",
        "title": "Death toll in Mogadishu hotel siege rises to nine",
        "paragraphs": [
            "MOGADISHU, June 16 - Al-Shabaab fighters detonated a car bomb at the gate of a hotel in Mogadishu on Friday evening and then stormed the building, killing nine people and wounding 47, police said on Sunday.",
            "Security forces ended the siege on Saturday morning after killing the three attackers, a police spokesman said. Most of the dead were civilians, including two hotel employees.",
            "The group, which has fought the Somali government for more than 15 years, claimed responsibility in a statement on its Andalus radio station.",
        ],
    },
    "hw-21": {
        "outlet": "Rhine Post",
        "url": "https://www.rhinepost.example/2024/01/20/berlin-syrian-arrested-embassy-plot/",
        "published": "2024-01-20T13:00:00+01:00",
        "title": "Syrian arrested in Berlin over alleged plot against Israeli embassy",
        "paragraphs": [
            "KARLSRUHE, Jan 20 - German police arrested a 27-year-old Syrian man in Berlin's Neukolln district on Thursday on suspicion of planning an attack on the Israeli embassy, the Federal Prosecutor's Office said on Saturday.",
            "The suspect, identified only as Ahmad K. in line with German privacy rules, is believed to have sympathised with the Islamic State group. Officers of the Federal Criminal Police Office (BKA) searched his flat and that of a contact in Hamburg.",
            "On Friday he was brought before an investigating judge of the Federal Court of Justice, who ordered him held in pre-trial detention.",
        ],
    },
    "hw-22": {
        "outlet": "Maghreb Live",
        "url": "https://www.maghreblive.example/societe/2023/06/10/tetouan-freres-cousin-bcij/",
        "published": "2023-06-10T10:30:00+01:00",
        "title": "Tetouan: two brothers and their cousin held in BCIJ operation",
        "paragraphs": [
            "The Central Bureau of Judicial Investigations (BCIJ) has dismantled a three-member terrorist cell operating in Tetouan and Martil, according to a statement from the General Directorate of National Security (DGSN) released on Thursday.",
            "Two brothers aged 24 and 29 were arrested in Tetouan, while their cousin was taken into custody in Martil. Searches turned up bladed weapons and a flag of the Islamic State organisation.",
            "The suspects had been planning to join the ranks of the group in the Sahel region, the statement said.",
        ],
    },
    "hw-23": {
        "outlet": "Iberian Review",
        "url": "https://www.iberianreview.example/analysis/2022/11/18/five-years-after-barcelona/",
        "published": "2022-11-18T08:00:00+01:00",
        "title": "Five years after Barcelona, how Spain's jihadist threat has changed",
        "paragraphs": [
            "Five years after the van attack on Las Ramblas that killed 14 people in August 2017, the profile of those arrested for jihadism in Spain has changed, according to researchers at the Elcano Royal Institute.",
            "Of the 350 people detained between 2013 and 2021, about four in ten were born in Spain, the institute's database shows. Most were arrested in Catalonia, Ceuta, Melilla and Madrid.",
            "Police officials say online radicalisation is now the main route into violent extremism, and that arrests of minors have become more frequent.",
        ],
    },
    "hw-24": {
        "outlet": "Sahel Wire",
        "url": "https://www.sahelwire.example/2021/05/18/burkina-nodin-attack/",
        "published": "2021-05-18T15:00:00+00:00",
        "title": "Gunmen kill 30 civilians in northern Burkina Faso village",
        "paragraphs": [
            "OUAGADOUGOU, May 18 (Sahel Wire) - Gunmen killed at least 30 civilians in an attack on the village of Nodin in Yatenga province on Sunday, the government said in a statement.",
            "In a separate attack on Monday, five soldiers were killed when their patrol hit an improvised explosive device near Ouahigouya, security sources said.",
            "No group claimed either attack, but militants linked to al Qaeda and Islamic State operate across the region. Attacks have killed more than 1,300 people in Burkina Faso since January, according to ACLED.",
        ],
    },
    "hw-25": {
        "outlet": "Roma Express",
        "url": "https://www.romaexpress.example/amp/2023/11/05/tunisian-expelled-bologna/",
        "published": "2023-11-05T12:00:00+01:00",
        "title": "Tunisian expelled after Bologna arrest",
        "paragraphs": [
            "ROME - A 31-year-old Tunisian man was expelled from Italy on Saturday and put on a flight from Rome's Fiumicino airport to Tunis, Interior Minister Matteo Piantedosi said.",
            "The man had been arrested in Bologna in March after praising the Islamic State on social media. He was the 70th person expelled for security reasons this year.",
        ],
    },
    "hw-26": {
        "outlet": "Algeria Defence Monitor",
        "url": "https://www.algeriadefence.example/2024/05/22/weekly-results-14-20-may/",
        "published": "2024-05-22T09:00:00+01:00",
        "title": "Army operational results for the week of 14 to 20 May",
        "paragraphs": [
            "Algiers - In the context of the fight against terrorism, detachments of the People's National Army arrested four terrorism supporters in Tlemcen and Batna during military operations carried out between 14 and 20 May 2024, the Ministry of National Defence said in its weekly bulletin.",
            "Another detachment discovered and destroyed three hideouts used by terrorists in Skikda, where a homemade bomb was also found.",
            "Since the start of the year, army units have arrested 41 terrorism supporters across the country.",
        ],
    },
    "hw-27": {
        "outlet": "Maghreb Wire Service",
        "url": "https://www.maghrebwire.example/2024/02/08/morocco-cell-tangier-fez-tiflet/",
        "published": "2024-02-08T14:20:00+01:00",
        "title": "Morocco breaks up Islamic State-linked cell, six held in Tangier, Fez and Tiflet",
        "paragraphs": [
            "RABAT, Feb 8 (MWS) - Moroccan police broke up a six-member cell loyal to the Islamic State group on Thursday, arresting four suspects in Tangier and one each in Fez and Tiflet, the Central Bureau of Judicial Investigations (BCIJ) said.",
            "The operation followed intelligence supplied by the General Directorate of Territorial Surveillance (DGST), the bureau said in a statement. Officers seized a hunting rifle, knives and chemical products that could be used to make explosives.",
            "The suspects, aged between 19 and 41, had been planning attacks on sensitive sites, according to the statement. One of them was born in Brussels and had lived in Belgium until 2019.",
            "The arrests take to seven the number of cells the BCIJ has dismantled since the start of the year. Morocco has not suffered a major attack since the 2018 killing of two Scandinavian hikers near Imlil.",
        ],
    },
    "hw-28": {
        "outlet": "Le Detroit Info (English)",
        "url": "https://www.detroitinfo.example/en/tanger/2024-02-09/four-held-dawn-raids/",
        "published": "2024-02-09T09:00:00+01:00",
        "title": "Tangier: four suspected jihadists held in dawn raids",
        "paragraphs": [
            "Four young men were taken into custody at dawn on Thursday 8 February in the Beni Makada and Mesnana districts of Tangier, as part of an operation against a terrorist cell that also led to arrests in Fez and Tiflet.",
            "According to a source close to the investigation, the suspects had sworn allegiance to the leader of the Islamic State and were in contact with a fighter of the group in the Sahel.",
            "Residents of Beni Makada told our reporter they saw masked officers of the BCIJ lead the men to unmarked vans. Searches of the homes lasted several hours.",
            "In a separate case, a court in Sale on Wednesday sentenced a 24-year-old man from Tangier to four years in prison for praising terrorism online.",
        ],
    },
    "hw-29": {
        "outlet": "Catalonia Today Wire",
        "url": "https://www.cattodaywire.example/news/2023/11/29/mossos-sweep-badalona-terrassa/",
        "published": "2023-11-29T18:45:00+01:00",
        "title": "Two held in Mossos sweep in Badalona and Terrassa",
        "paragraphs": [
            "Two men suspected of recruiting young people for the Islamic State were arrested on Tuesday in Badalona and Terrassa by the Mossos d'Esquadra, the Catalan regional police, in a sweep carried out with the Guardia Civil.",
            "One suspect was held in each town, a police spokesman said. Agents also searched a prayer room in Terrassa and took away computers and documents.",
            "The two will appear before a judge of the National Court in Madrid on Friday. Police did not rule out further arrests.",
            "Catalonia accounts for about a third of the jihadism-related arrests made in Spain each year, according to the regional interior department.",
        ],
    },
    "hw-30": {
        "outlet": "Sahel Daily Monitor",
        "url": "https://www.saheldaily.example/2024/03/26/kuriga-pupils-freed/",
        "published": "2024-03-26T08:10:00+01:00",
        "title": "Kuriga pupils freed more than two weeks after school abduction",
        "paragraphs": [
            "ABUJA - More than 130 pupils kidnapped from a school in Kuriga, in Nigeria's Kaduna state, have been released, the state governor said on Sunday.",
            "Gunmen on motorcycles seized the children from their school on 7 March as they gathered for morning assembly. A teacher who was taken with them died in captivity, according to residents.",
            "The army said the pupils were freed in a forest in neighbouring Zamfara state and flown to Kaduna for medical checks. The governor did not say whether a ransom had been paid.",
            "Kidnappings for ransom have become a lucrative business for armed gangs in the north-west, where more than 1,400 students have been abducted since 2014.",
        ],
    },
    "hw-31": {
        "outlet": "Palais de Justice Reporter",
        "url": "https://www.pjreporter.example/2024/06/14/lyon-plotter-sentenced-12-years/",
        "published": "2024-06-14T17:30:00+02:00",
        "title": "Would-be attacker sentenced to 12 years in Paris",
        "paragraphs": [
            "PARIS - A special criminal court in Paris on Thursday sentenced a 23-year-old man to 12 years in prison for plotting a knife attack on a church in Lyon in the name of the Islamic State.",
            "The man, who was arrested by DGSI officers at his parents' home in Villeurbanne in October 2021, admitted during the trial that he had sworn allegiance to the group but denied planning to act.",
            "His lawyer said he was considering an appeal. Prosecutors had sought 15 years.",
            "A second defendant, accused of helping him to buy a knife, was acquitted.",
        ],
    },
    "hw-32": {
        "outlet": "West Africa Security Brief",
        "url": "https://www.wasecbrief.example/2024/08/19/mali-drone-strike-near-boni/",
        "published": "2024-08-19T11:00:00+00:00",
        "title": "Malian army says drone strike near Boni killed militants",
        "paragraphs": [
            "BAMAKO - Mali's armed forces said on Monday that one of their drones struck a gathering of militants near Boni, in the Mopti region, at the weekend, killing about 20 of them.",
            "The army said in a statement that the strike, carried out on Saturday, targeted fighters of the Group for the Support of Islam and Muslims (JNIM), the al-Qaeda affiliate that has blockaded the town for months. The toll could not be independently verified.",
            "JNIM fighters have laid siege to several towns in central Mali since 2023, cutting roads and burning trucks.",
            "More than 3,500 people were killed in political violence in Mali in 2023, according to the conflict monitor ACLED.",
        ],
    },
    "hw-33": {
        "outlet": "Rhein-Ruhr Post (English service)",
        "url": "https://www.rheinruhrpost.example/en/2024/04/05/three-teenagers-held-attack-plan/",
        "published": "2024-04-05T12:15:00+02:00",
        "title": "Three teenagers held in NRW over suspected attack plan",
        "paragraphs": [
            "Police in North Rhine-Westphalia have detained three teenagers suspected of planning an Islamist attack, prosecutors in Dusseldorf said on Friday.",
            "The suspects, two girls aged 15 and 16 and a 15-year-old boy, were detained on Thursday in Dusseldorf, Essen and Marl, one in each city. Investigators believe they had discussed attacking churches and police stations with knives and Molotov cocktails.",
            "One of the girls was born in Chechnya and came to Germany as a child. The boy had been in contact with an Islamic State recruiter in Syria, according to the prosecutors.",
            "German authorities classify about 480 people as Islamist threats who could commit an attack at any time.",
        ],
    },
    "hw-34": {
        "outlet": "Horn Observer",
        "url": "https://www.hornobserver.example/2024/05/13/us-strike-then-raid-near-bariire/",
        "published": "2024-05-13T10:00:00+03:00",
        "title": "US strike, then Somali raid, near Bariire",
        "paragraphs": [
            "MOGADISHU - United States forces carried out an airstrike against al-Shabaab near Bariire, in the Lower Shabelle region, on Friday, killing two fighters, the US Africa Command (AFRICOM) said. No civilians were hurt, it said.",
            "Two days later, on Sunday, Somali army commandos raided a village near Bariire and captured four suspected al-Shabaab members, the defence ministry said.",
            "AFRICOM has carried out more than a dozen strikes in Somalia so far this year, most of them in support of Somali ground operations.",
            "Al-Shabaab controlled Bariire until 2019 and still holds much of the surrounding countryside.",
        ],
    },
    "hw-35": {
        "outlet": "Ministry of the Interior (Spain), press office",
        "url": "https://www.interior-press.example/en/press/2024/10/03/national-police-dismantles-cell-madrid-almeria-nador/",
        "published": "2024-10-03T12:00:00+02:00",
        "title": "The National Police dismantles a jihadist cell in Madrid, Almeria and Nador",
        "paragraphs": [
            "The National Police, in a joint operation with Morocco's General Directorate of Territorial Surveillance (DGST), has dismantled a cell linked to the terrorist organisation Daesh, arresting two people in Madrid, one in Almeria and a fourth in the Moroccan city of Nador.",
            "The arrests took place on Tuesday, 1 October. The detainees, all Moroccan nationals aged between 24 and 38, were engaged in the recruitment of young people through social networks and had expressed their willingness to travel to the Sahel to join the organisation.",
            "During the searches of their homes, agents seized computer equipment, mobile phones and documentation. No weapons or explosives were found.",
            "With these arrests, the number of people detained in Spain for jihadist terrorism so far this year rises to 61.",
        ],
    },
    "hw-36": {
        "outlet": "Brussels Evening Post",
        "url": "https://www.brusselseveningpost.example/news/2024/11/13/seven-detained-terror-raids/",
        "published": "2024-11-13T10:30:00+01:00",
        "title": "Seven detained in Brussels, Antwerp and Liege terror raids",
        "paragraphs": [
            "BRUSSELS - Seven people were detained during raids on 14 addresses in Brussels, Antwerp and Liege on Tuesday evening, the federal prosecutor's office said on Wednesday, in an investigation into a suspected plan to attack a Jewish target.",
            "Four of them were released after questioning. The other three were brought before an investigating judge, who ordered them held on charges of participating in the activities of a terrorist group and preparing a terrorist offence.",
            "The prosecutor's office did not say where the three were arrested. No weapons were found during the searches, it said.",
            "The Coordination Unit for Threat Analysis (OCAM) kept Belgium's threat level at three on a scale of four.",
        ],
    },
    "hw-37": {
        "outlet": "Kano Chronicle Online",
        "url": "https://www.kanochronicle.example/2024/06/11/bandits-kill-25-zamfara-villages/",
        "published": "2024-06-11T09:00:00+01:00",
        "title": "Bandits kill 25 in two Zamfara villages",
        "paragraphs": [
            "GUSAU - Armed bandits killed at least 25 people in attacks on two villages in Zamfara state on Sunday night, police said on Monday.",
            "Eighteen villagers were killed in Kadawa and seven in Ruwan Tofa, both in Tsafe local government area, police spokesman Yazid Abubakar said. Several houses were set on fire and an unknown number of residents were abducted.",
            "Troops have been deployed to the area, he said, adding that no arrests had been made.",
            "Bandit attacks killed more than 2,600 people in north-west Nigeria last year, according to a tally by a Lagos-based risk consultancy.",
        ],
    },
    "hw-38": {
        "outlet": "Hexagone Info",
        "url": "https://www.hexagoneinfo.example/2024/04/27/france-expels-algerian-imam/",
        "published": "2024-04-27T16:00:00+02:00",
        "title": "France expels Algerian imam after court clears way",
        "paragraphs": [
            "PARIS - France on Friday expelled an Algerian imam accused of calling for violence against Jews in his sermons, Interior Minister Gerald Darmanin said, hours after the Council of State rejected his last appeal.",
            "The 52-year-old, who had preached for years at a mosque in Nice, was put on a flight from Marseille to Algiers in the evening, the ministry said.",
            "Darmanin said nearly 4,000 foreigners considered dangerous had been expelled since 2017, and that he wanted the figure to rise.",
            "The imam's lawyer said he would take the case to the European Court of Human Rights.",
        ],
    },
    "hw-39": {
        "outlet": "Rif Post",
        "url": "https://www.rifpost.example/en/security/2024/10/02/nador-man-held-joint-sweep/",
        "published": "2024-10-02T19:00:00+01:00",
        "title": "Nador man held in joint Moroccan-Spanish anti-terror sweep",
        "paragraphs": [
            "NADOR - A 31-year-old man was arrested in Nador on 1 October by agents of the DGST as part of a joint operation with the Spanish police that also saw three suspects detained in Spain.",
            "According to a security source, the suspect was in contact with the members of the cell arrested in Madrid and Almeria and was preparing to join the ranks of the Islamic State in the Sahel region.",
            "He has been placed in police custody under the supervision of the public prosecutor's office, pending the investigation.",
            "Morocco and Spain have carried out dozens of joint operations against jihadist cells over the past decade.",
        ],
    },
    "hw-40": {
        "outlet": "Oriental Maghreb Today",
        "url": "https://www.orientalmaghreb.example/2024/11/08/two-brothers-held-nador/",
        "published": "2024-11-08T11:00:00+01:00",
        "title": "Two held in Nador over Islamic State allegiance",
        "paragraphs": [
            "Moroccan security services arrested two brothers aged 22 and 25 in Nador on Thursday on suspicion of pledging allegiance to the Islamic State group, the General Directorate of National Security (DGSN) said.",
            "The arrests were made on the basis of information from the DGST. A search of the family home turned up a knife, a balaclava and extremist literature.",
            "The operation comes a month after four suspects were arrested in Nador, Madrid and Almeria in a joint operation with Spain.",
        ],
    },
    "hw-41": {
        "outlet": "Rhine Courier (English)",
        "url": "https://www.rhinecourier.example/en/2024/12/05/syrian-charged-munich-market-plot/",
        "published": "2024-12-05T14:00:00+01:00",
        "title": "Syrian charged over planned attack on Munich Christmas market",
        "paragraphs": [
            "KARLSRUHE - German federal prosecutors have charged a 20-year-old Syrian man with preparing a serious act of violence endangering the state, over an alleged plan to drive a truck into a Christmas market in Munich.",
            "The man was arrested in Augsburg in late August, when police found instructions for building explosives on his phone, the prosecutors said in a statement on Thursday. He has been in pre-trial detention since then.",
            "The trial is expected to open next year before the higher regional court in Munich.",
            "Germany has foiled at least 10 Islamist plots since 2021, according to the Interior Ministry.",
        ],
    },
    "hw-42": {
        "outlet": "Carthage Wire",
        "url": "https://www.carthagewire.example/2024/05/23/two-more-held-djerba-plot/",
        "published": "2024-05-23T18:00:00+01:00",
        "title": "Two more held in Tunisia over Djerba synagogue plot",
        "paragraphs": [
            "TUNIS - Tunisian police arrested two more suspects on Wednesday in Sousse and Monastir, taking to nine the number held this week over a plot to attack a synagogue on Djerba, the Interior Ministry said.",
            "One suspect was detained in each city. The seven others were arrested on Monday in Tunis and Sfax, the ministry said.",
            "The ministry did not say which group the suspects belonged to. Security has been stepped up on Djerba ahead of the annual Ghriba pilgrimage, which a gunman attacked in May 2023, killing five people.",
        ],
    },
    "hw-43": {
        "outlet": "Adriatic News Agency",
        "url": "https://www.adriaticnews.example/2024/03/14/venice-treviso-three-arrested/",
        "published": "2024-03-14T15:10:00+01:00",
        "title": "Three arrested in Venice and Treviso over suspected attack plan",
        "paragraphs": [
            "VENICE, March 14 (ANA) - Italian Carabinieri arrested three young men of Kosovan origin overnight on Wednesday on suspicion of belonging to the Islamic State and preparing an attack, prosecutors said.",
            "Two of the suspects were detained in Venice's historic centre and the third in Treviso, about 30 km to the north. Officers searched five homes and seized a machete, a bulletproof vest and several phones.",
            "The men, aged 18 to 23, had discussed targeting the Rialto bridge, according to intercepted messages quoted by the prosecutors. They were not armed with guns.",
            "Italy has expelled 19 people for security reasons since the start of the year, the Interior Ministry said in February.",
        ],
    },
    "hw-44": {
        "outlet": "Ouaga Presse Online",
        "url": "https://www.ouagapresse.example/securite/2023-11-28-djibo-attaque/",
        "published": "2023-11-28T09:30:00+00:00",
        "title": "Djibo: army repels large-scale attack, 12 soldiers killed",
        "paragraphs": [
            "Several hundred armed men attacked the army detachment and a camp for displaced people in Djibo, in northern Burkina Faso, on Sunday morning, killing 12 soldiers and at least 20 civilians, security sources said.",
            "The armed forces said in a statement on Monday that the assault had been repelled and that more than 400 attackers had been neutralised during the counter-offensive, supported by drones. The figure could not be verified.",
            "Djibo has been under a blockade by jihadist groups since 2022. Aid convoys reach the town only with military escorts.",
            "More than 8,000 people have been killed in Burkina Faso since the start of the year, according to the conflict monitor ACLED.",
        ],
    },
    "hw-45": {
        "outlet": "Royaume Actu (English)",
        "url": "https://www.royaumeactu.example/en/2024/09/25/bcij-cell-tetouan-chefchaouen-azilal/",
        "published": "2024-09-25T18:20:00+01:00",
        "title": "BCIJ dismantles seven-member cell in Tetouan, Chefchaouen and Azilal",
        "paragraphs": [
            "The Central Bureau of Judicial Investigations (BCIJ) on Wednesday dismantled a terrorist cell of seven extremists loyal to the Islamic State, the General Directorate of Territorial Surveillance (DGST) said in a statement.",
            "Four of the suspects were arrested in Tetouan, two in Chefchaouen and one in the town of Azilal, in security operations carried out at dawn. Searches of their homes turned up an explosive belt in preparation, knives and electronic equipment.",
            "Investigators believe the cell was planning attacks against public buildings in the north of the kingdom.",
            "Since 2002, Moroccan security services have dismantled more than 200 terrorist cells, according to official figures.",
        ],
    },
    "hw-46": {
        "outlet": "Diario del Valles (English digest)",
        "url": "https://www.diariovalles.example/en/2024/02/09/granollers-man-jailed-jihadism/",
        "published": "2024-02-09T12:40:00+01:00",
        "title": "Granollers man jailed over jihadist self-radicalisation",
        "paragraphs": [
            "A judge at the National Court in Madrid on Thursday ordered a 34-year-old man held in custody pending trial on charges of self-indoctrination and glorification of terrorism, court sources said.",
            "The man, a Spanish national of Moroccan origin, had been arrested on Tuesday at his home in Granollers by the Guardia Civil, which seized a laptop, two phones and a notebook with instructions for making explosives.",
            "Investigators said he had tried to travel to Syria in 2015 but was turned back at the Turkish border.",
            "The investigation began last year after a tip-off from a neighbour, the Guardia Civil said.",
        ],
    },
    "hw-47": {
        "outlet": "Banadir Wire",
        "url": "https://www.banadirwire.example/2024/08/03/lido-beach-attack/",
        "published": "2024-08-03T10:15:00+03:00",
        "title": "At least 32 killed in al-Shabaab attack on Mogadishu beach",
        "paragraphs": [
            "MOGADISHU - Al-Shabaab militants killed at least 32 people and wounded 63 when they attacked a crowded restaurant on Lido beach in Mogadishu on Friday evening, police said on Saturday.",
            "A suicide bomber blew himself up at the entrance before gunmen stormed the building. Security forces killed three of the attackers and captured a fourth after a siege that lasted into the night, police spokesman Abdifatah Aden said.",
            "The group, which is linked to al-Qaeda, claimed responsibility in a statement on one of its websites.",
            "A similar attack on a hotel on the same beach killed six people in June 2023.",
        ],
    },
    "hw-48": {
        "outlet": "Karlsruhe Justice Notes",
        "url": "https://www.justicenotes.example/2024/06/20/four-charged-hamas-weapons/",
        "published": "2024-06-20T11:00:00+02:00",
        "title": "Four charged over suspected Hamas weapons caches",
        "paragraphs": [
            "KARLSRUHE - The Federal Prosecutor's Office has charged four men with membership of a foreign terrorist organisation over a plan to locate and collect weapons hidden in Europe for attacks on Jewish institutions, it said on Thursday.",
            "Three of the men were arrested in Berlin and a fourth in the Netherlands in December. All four have been in custody since then.",
            "The trial is due to take place before the higher regional court in Berlin. A date has not been set.",
        ],
    },
    "hw-49": {
        "outlet": "Sahel Strategy Review",
        "url": "https://www.sahelstrategy.example/analysis/2024/05/02/why-the-juntas-are-losing/",
        "published": "2024-05-02T08:00:00+00:00",
        "title": "Analysis: why the Sahel juntas are losing ground",
        "paragraphs": [
            "Three years after the first coup in Bamako, the military governments of Mali, Burkina Faso and Niger promised to crush the jihadist insurgencies that their civilian predecessors had failed to contain.",
            "The results are meagre. Armies that arrest suspected collaborators by the hundreds and bomb villages from the air have pushed many herders into the arms of the groups they claim to fight.",
            "Attacks now reach the outskirts of capitals, and the number of displaced people across the three countries has passed three million, according to the United Nations.",
            "Any lasting answer will need more than drones: justice for abuses, local mediation and the return of the state's services.",
        ],
    },
    "hw-50": {
        "outlet": "Tunis Courthouse Report",
        "url": "https://www.tunissourt.example/2024/02/17/sousse-attack-appeal-verdict/",
        "published": "2024-02-17T16:45:00+01:00",
        "title": "Appeal court upholds sentences over 2015 Sousse beach attack",
        "paragraphs": [
            "TUNIS - A Tunis appeals court on Friday upheld the convictions of 14 people over the 2015 attack on a beach hotel near Sousse, sentencing six of them to life in prison and the others to terms of between six months and 16 years, the prosecution said.",
            "A gunman killed 38 people, most of them British tourists, at the Imperial Marhaba hotel in Port El Kantaoui in June 2015 before he was shot dead by police.",
            "The defendants had been accused of helping to plan the attack or of failing to help the victims. Lawyers for several of them said they would take the case to the Court of Cassation.",
        ],
    },
    "hw-51": {
        "outlet": "Atlas Security Portal",
        "url": "https://www.atlassecurity.example/maroc/2024/09/12/tetouan-ceuta-cell/",
        "published": "2024-09-12T18:20:00+01:00",
        "title": "Morocco and Spain break up Islamic State cell, nine held",
        "paragraphs": [
            "RABAT - Moroccan and Spanish security services have taken apart a cell loyal to the Islamic State group that was active in both countries, arresting nine suspects in simultaneous raids on Wednesday, Morocco's General Directorate of Territorial Surveillance (DGST) said on Thursday.",
            "Five of the suspects were detained in Tetouan, two in Fnideq and the remaining two in Ceuta, where the arrests were carried out by Spain's Guardia Civil, the statement said.",
            "One of the men, who was born in Melilla, had tried to travel to Syria in 2015, according to investigators. The cell had been in contact with Islamic State militants in the Sahel and was planning attacks on security installations, the DGST said.",
            "Searches at the suspects' homes turned up knives, a hunting rifle and electronic equipment.",
            "The operation brings to 14 the number of terrorist cells dismantled in Morocco since January, according to an official count.",
        ],
    },
    "hw-52": {
        "outlet": "Alsace Evening News",
        "url": "https://www.alsaceevening.example/faits-divers/2024/12/08/strasbourg-marche-noel-projet/",
        "published": "2024-12-08T10:00:00+01:00",
        "title": "Strasbourg teenager charged over Christmas market attack plan",
        "paragraphs": [
            "A 19-year-old man was charged in Paris on Saturday with planning an attack on Strasbourg's Christmas market, two days after he was arrested at his parents' home in the city, the national anti-terrorism prosecutor's office (PNAT) said.",
            "Officers of the General Directorate for Internal Security (DGSI) detained him early on Thursday in the Neudorf district. He had pledged allegiance to the Islamic State group in messages on Telegram and had searched online for ways to obtain a weapon, a source close to the investigation said.",
            "An investigating judge ordered him held in pre-trial detention.",
            "Security has been tightened at Christmas markets across France. The interior minister said last week that nine attack plots had been foiled in the country since the start of the year.",
        ],
    },
    "hw-53": {
        "outlet": "Northern Nigeria Monitor",
        "url": "https://www.nnmonitor.example/news/2024/04/15/troops-free-bus-passengers/",
        "published": "2024-04-15T09:30:00+01:00",
        "title": "Troops free 16 bus passengers kidnapped on Abuja-Kaduna highway",
        "paragraphs": [
            "ABUJA - Nigerian troops have rescued 16 passengers who were kidnapped last week when gunmen stopped their bus on the Abuja-Kaduna highway, the army said on Sunday.",
            "The gunmen seized 21 people about 40 km south of Kaduna on Tuesday, April 9, and took them into the bush, a police spokesman said. Soldiers freed 16 of them in a forest near Kachia on Saturday; five remain in captivity.",
            "Kidnapping for ransom has become a lucrative business in north-west Nigeria. More than 3,600 people were abducted across the country in the first half of last year, according to a Lagos-based risk consultancy.",
        ],
    },
    "hw-54": {
        "outlet": "Flanders Today Wire",
        "url": "https://www.flanderswire.example/2024/10/02/moroccan-deported-terror-financing/",
        "published": "2024-10-02T14:10:00+02:00",
        "title": "Belgium expels Moroccan convicted of financing terrorism",
        "paragraphs": [
            "BRUSSELS - Belgium on Tuesday deported a 41-year-old Moroccan man who had served a prison sentence for financing the Islamic State group, the office of the state secretary for asylum and migration said.",
            "The man was escorted by federal police onto a flight from Brussels Airport in Zaventem to Casablanca, the office said. He had been held in a closed centre near Steenokkerzeel since his release from prison in August.",
            "A court in Antwerp convicted him in 2021 of sending money to fighters in Syria.",
            "Belgium has removed 57 people considered a security threat since 2022, according to the state secretary's office.",
        ],
    },
    "hw-55": {
        "outlet": "West Africa Desk",
        "url": "https://www.westafricadesk.example/burkina/2024/06/13/djibo-airstrikes/",
        "published": "2024-06-13T11:00:00+00:00",
        "title": "Burkina army says airstrikes killed more than 50 militants after post attack",
        "paragraphs": [
            "OUAGADOUGOU - Burkina Faso's army said on Wednesday that its aircraft had killed more than 50 militants in strikes near Djibo on Tuesday, a day after fighters attacked a military post in the area and killed 12 soldiers.",
            "The attackers arrived on motorbikes at dawn on Monday and overran the post on the outskirts of Djibo before being driven back by reinforcements, a security source said.",
            "The army's claims could not be independently verified. Access to the region, where jihadist groups linked to al-Qaeda and the Islamic State operate, is restricted.",
            "Violence by armed groups has killed more than 20,000 people in Burkina Faso since 2015, according to conflict monitors.",
        ],
    },
    "hw-56": {
        "outlet": "Juzgados y Terrorismo (blog)",
        "url": "https://juzgadosyterrorismo.example/2024/02/27/ceuta-recruiter-eight-years/",
        "published": "2024-02-27T12:30:00+01:00",
        "title": "National Court jails Ceuta man for recruiting women for Islamic State",
        "paragraphs": [
            "Spain's National Court on Monday sentenced a 27-year-old man to eight years in prison for recruiting young women online to join the Islamic State group, according to the ruling seen by this blog.",
            "The man, a Spanish national from Ceuta, used social media to persuade at least four women in Spain and Belgium to travel to Syria, the judges found. He was arrested in Ceuta in an operation by the Guardia Civil in March 2022.",
            "The court acquitted a second defendant, his cousin, for lack of evidence.",
            "Spanish courts have convicted more than 30 people of jihadist recruitment in the past five years.",
        ],
    },
    "hw-57": {
        "outlet": "Agenzia Mediterranea",
        "url": "https://www.agenziamediterranea.example/en/2024/03/16/milan-egyptian-arrest-expulsions/",
        "published": "2024-03-16T17:45:00+01:00",
        "title": "Italy arrests Egyptian in Milan, expels two contacts",
        "paragraphs": [
            "ROME, March 16 - Italian police arrested a 22-year-old Egyptian man in Milan on Friday on suspicion of planning to attack a church, and two other Egyptians in contact with him were expelled from the country, the interior ministry said.",
            "Investigators from the anti-terrorism unit of the State Police, known as DIGOS, had monitored the man for months after he posted videos praising the Islamic State. A search of his room turned up a knife and a flag of the group.",
            "The two men who were expelled were put on a flight from Milan's Malpensa airport to Cairo on Saturday morning.",
            "With these, 21 people have been expelled from Italy on state security grounds since January, the ministry said.",
        ],
    },
    "hw-58": {
        "outlet": "Rabat Diplomatic Review",
        "url": "https://www.rabatdiplomatic.example/2024/05/22/african-counter-terrorism-conference/",
        "published": "2024-05-22T19:00:00+01:00",
        "title": "Rabat hosts African counter-terrorism conference",
        "paragraphs": [
            "RABAT - Security officials from 30 African countries met in Rabat on Tuesday for a two-day conference on countering terrorism in the Sahel, organised by Morocco and the United Nations Office of Counter-Terrorism.",
            "Opening the meeting, the director of the DGSN said Morocco had dismantled more than 200 terrorist cells and arrested over 3,500 people since 2002, and had foiled more than 500 plots.",
            "Delegates discussed ways to stop the flow of weapons and fighters across borders and to share intelligence on groups that hold territory in Mali and Burkina Faso.",
            "The conference ends on Wednesday with a declaration on regional cooperation.",
        ],
    },
    "hw-59": {
        "outlet": "Rhein-Ruhr Wire",
        "url": "https://www.rheinruhrwire.example/2024/07/04/seven-detained-islamist-network-raids/",
        "published": "2024-07-04T12:20:00+02:00",
        "title": "German police detain seven in raids on Islamist network",
        "paragraphs": [
            "BERLIN - German police detained seven people in raids in four states on Wednesday on suspicion of supporting the Islamic State group, federal prosecutors said.",
            "Three of the suspects were detained in North Rhine-Westphalia, two in Hesse and one each in Bavaria and Lower Saxony. Officers searched 12 properties and seized weapons, cash and data storage devices.",
            "The suspects, aged between 19 and 45, are accused of collecting money for Islamic State fighters held in camps in north-eastern Syria.",
            "A judge at the Federal Court of Justice will decide on Thursday whether to remand them in custody. German authorities have arrested more than 50 suspected Islamists this year.",
        ],
    },
    "hw-60": {
        "outlet": "Horn Observer",
        "url": "https://www.hornobserver.example/somalia/2024/10/21/police-academy-suicide-bombing/",
        "published": "2024-10-21T08:10:00+03:00",
        "title": "Al-Shabaab suicide bomber kills nine at Mogadishu police academy",
        "paragraphs": [
            "MOGADISHU - A suicide bomber killed nine police recruits and wounded 14 others at a police training academy in Mogadishu on Sunday morning, police said. Al-Shabaab said it carried out the attack.",
            "The bomber, wearing an explosive vest, blew himself up as recruits gathered for a morning parade at the General Kaahiye academy, a police officer told reporters.",
            "It was the deadliest attack in the capital since August, when al-Shabaab fighters killed 37 people at Lido beach.",
        ],
    },
    "hw-61": {
        "outlet": "Tunis Afrique Monitor",
        "url": "https://www.tunisafriquemonitor.example/2024/03/13/sfax-recruiter-arrested/",
        "published": "2024-03-13T15:00:00+01:00",
        "title": "Tunisian police arrest suspected Islamic State recruiter in Sfax",
        "paragraphs": [
            "SFAX, Tunisia - Tunisian counter-terrorism police arrested a man suspected of recruiting young people for the Islamic State group in the southern city of Sfax on Tuesday, the interior ministry said on Wednesday.",
            "The suspect, who was already on a wanted list, had been in contact with militants in Libya, the ministry said. A search of his home turned up extremist literature and two mobile phones.",
            "Last month, police in the capital Tunis broke up a four-member cell that was planning attacks on security forces.",
        ],
    },
    "hw-62": {
        "outlet": "Iberia Security Weekly",
        "url": "https://www.iberiasecurityweekly.example/2024/11/30/roundup-barcelona-melilla-madrid/",
        "published": "2024-11-30T09:00:00+01:00",
        "title": "Weekly security roundup: arrests in Barcelona and Melilla, a release in Madrid",
        "paragraphs": [
            "Barcelona: Mossos d'Esquadra officers and the National Police arrested two brothers in the Raval district on Tuesday on suspicion of preparing an attack with a knife, police said.",
            "Melilla: The Guardia Civil detained a 17-year-old on Thursday for spreading jihadist propaganda on TikTok. It was the second such arrest in the city this month; another minor was held there on 5 November.",
            "Madrid: A National Court judge on Friday released a Moroccan man arrested last week in Madrid on suspicion of financing terrorism, citing a lack of evidence.",
        ],
    },
    "hw-63": {
        "outlet": "Sahel Dispatch",
        "url": "https://www.saheldispatch.example/mali/2024/09/18/bamako-gendarmerie-school-attack/",
        "published": "2024-09-18T13:30:00+00:00",
        "title": "Bamako: gendarmerie school and airport area attacked",
        "paragraphs": [
            "BAMAKO - Jihadists linked to al-Qaeda attacked a gendarmerie training school and a military section of Bamako airport at dawn on Tuesday, killing at least 70 people, security sources said on Wednesday.",
            "JNIM claimed the attack, saying its fighters had inflicted heavy losses. The army said the situation was under control and that 20 suspects had been arrested.",
            "It was the first major attack in the capital in years.",
        ],
    },
    "hw-64": {
        "outlet": "Le Detroit Info (English)",
        "url": "https://www.ledetroitinfo.example/amp/2024/01/25/bcij-four-arrested-tangier-tetouan-chefchaouen/",
        "published": "2024-01-25T10:45:00+01:00",
        "title": "BCIJ arrests four in Tangier, Tetouan and Chefchaouen",
        "paragraphs": [
            "The Central Bureau of Judicial Investigations (BCIJ) arrested four suspected Islamic State supporters on Wednesday in an operation carried out simultaneously in Tangier, Tetouan and Chefchaouen, the DGSN said.",
            "Two of the suspects were arrested in Tangier. The searches also led to the seizure of a bladed weapon and electronic devices.",
            "The suspects, aged between 22 and 34, had pledged allegiance to the group's leader and were planning to carry out attacks in Morocco, according to the statement.",
            "Moroccan authorities have dismantled more than 40 cells linked to the Islamic State since 2016, the DGSN said.",
        ],
    },
    "hw-65": {
        "outlet": "Niamey Morning",
        "url": "https://www.niameymorning.example/2024/05/30/soldiers-killed-ambush-tera/",
        "published": "2024-05-30T07:30:00+01:00",
        "title": "Twenty soldiers killed in ambush near Tera",
        "paragraphs": [
            "NIAMEY - Twenty Nigerien soldiers and a civilian were killed on Tuesday when suspected jihadists ambushed an army convoy near the town of Tera in the Tillaberi region, the defence ministry said.",
            "Troops killed several of the attackers and seized motorcycles and weapons in a pursuit, the ministry said.",
            "Niger's junta, which seized power in July 2023, has struggled to contain attacks by groups linked to al-Qaeda and the Islamic State.",
        ],
    },
    "hw-66": {
        "outlet": "Parquet national antiterroriste",
        "url": "https://www.pnat-communiques.example/2024/02/14/communique-ile-de-france/",
        "published": "2024-02-14T18:00:00+01:00",
        "title": "Press release: three charged after DGSI arrests in Ile-de-France",
        "paragraphs": [
            "Paris, 14 February 2024 - On 10 February 2024, officers of the General Directorate for Internal Security (DGSI) arrested four people in Paris, Saint-Denis and Montreuil in an investigation opened by the national anti-terrorism prosecutor's office.",
            "Three of them were charged today with criminal terrorist conspiracy and placed in pre-trial detention. The fourth was released without charge.",
            "The investigation concerns a plan to attack a sports venue during the Olympic Games.",
        ],
    },
    "hw-67": {
        "outlet": "Algerie Defense Bulletin (English)",
        "url": "https://www.algeriedefense.example/en/2024/04/11/tebessa-cache-two-arrested/",
        "published": "2024-04-11T10:00:00+01:00",
        "title": "Algerian army arrests two terrorism suspects, finds arms cache near Tebessa",
        "paragraphs": [
            "ALGIERS - Units of the People's National Army arrested two terrorism suspects and uncovered a cache of weapons and ammunition during a search operation near Tebessa on Tuesday, the defence ministry said.",
            "The cache contained three Kalashnikov rifles, a rocket launcher and more than 1,000 rounds of ammunition.",
            "In a separate operation in the Bordj Badji Mokhtar border region, border guards arrested 15 people smuggling fuel and foodstuffs.",
        ],
    },
    "hw-68": {
        "outlet": "Lake Chad Chronicle",
        "url": "https://www.lakechadchronicle.example/2024/08/06/army-denies-mass-arrests/",
        "published": "2024-08-06T09:00:00+01:00",
        "title": "Army denies reports of mass arrests in Maiduguri",
        "paragraphs": [
            "MAIDUGURI - The Nigerian army on Monday denied reports that its soldiers had detained more than 100 young men in raids on the outskirts of Maiduguri last week.",
            "No arrests were carried out in the area, an army spokesman said, adding that troops had only conducted routine patrols.",
            "Separately, police in Borno state said they had arrested a suspected Boko Haram commander in Konduga on Saturday.",
        ],
    },
    "hw-69": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/06/21/spain-hands-over-moroccan-suspect/",
        "published": "2024-06-21T11:30:00+02:00",
        "title": "Spain hands over Moroccan jihadist suspect to Morocco",
        "paragraphs": [
            "MADRID - Spanish police on Thursday handed over to Moroccan authorities a 35-year-old man wanted in Morocco for belonging to an Islamic State cell, the Interior Ministry said.",
            "The man, who had been arrested in Bilbao in March on an international warrant, was escorted to the port of Algeciras and put on a ferry to Tangier.",
            "A second suspect, arrested in Girona at the same time, will be extradited next month after the National Court approved his surrender.",
        ],
    },
    "hw-70": {
        "outlet": "Burkina Info Hebdo (English)",
        "url": "https://www.burkinainfohebdo.example/en/2024/02/26/essakane-church-attack/",
        "published": "2024-02-26T12:00:00+00:00",
        "title": "Fifteen worshippers killed in attack on church in north-east Burkina Faso",
        "paragraphs": [
            "Gunmen killed 15 worshippers during Sunday mass at a Catholic church in the village of Essakane in north-eastern Burkina Faso, the diocese said on Monday.",
            "Twelve died at the scene and three others later in hospital, the diocese said in a statement.",
            "The attack came days after gunmen killed dozens of people at a mosque in Natiaboani, in the east of the country.",
        ],
    },
    "hw-71": {
        "outlet": "Lombardia Giustizia",
        "url": "https://www.lombardiagiustizia.example/en/2024/05/09/kosovars-convicted-rialto-plot/",
        "published": "2024-05-09T14:00:00+02:00",
        "title": "Milan court convicts three Kosovars of plotting Venice attack",
        "paragraphs": [
            "MILAN - A Milan court on Wednesday convicted three Kosovar men of planning a bomb attack on the Rialto bridge in Venice and sentenced them to between four and nine years in prison, their lawyers said.",
            "A fourth defendant was acquitted. The men were arrested in Venice and Treviso in March 2023 in an operation by the Carabinieri's special operations unit.",
        ],
    },
    "hw-72": {
        "outlet": "Banadir Wire",
        "url": "https://www.banadirwire.example/2024/03/03/us-strike-kismayo-commander/",
        "published": "2024-03-03T09:45:00+03:00",
        "title": "US strike kills al-Shabaab commander near Kismayo",
        "paragraphs": [
            "MOGADISHU - A US airstrike killed a senior al-Shabaab commander and two of his bodyguards near Kismayo on Friday, US Africa Command said in a statement on Saturday.",
            "The strike was carried out at the request of the Somali government, AFRICOM said, adding that no civilians were harmed.",
        ],
    },
    "hw-73": {
        "outlet": "Casablanca Eco Security",
        "url": "https://www.casaecosecurity.example/2024/10/10/had-soualem-cell/",
        "published": "2024-10-10T17:15:00+01:00",
        "title": "Cell planning attacks dismantled in Had Soualem",
        "paragraphs": [
            "RABAT - Moroccan security services dismantled a five-member terrorist cell loyal to the Islamic State in the town of Had Soualem, near Casablanca, the DGST said on Thursday.",
            "The suspects, aged 18 to 28, were arrested the previous day in coordinated raids in Had Soualem and the nearby town of Berrechid, the statement said. Three were held in Had Soualem and two in Berrechid.",
        ],
    },
    "hw-74": {
        "outlet": "Brussels Metro News",
        "url": "https://www.brusselsmetro.example/2024/03/28/five-detained-attack-plot-raids/",
        "published": "2024-03-28T11:40:00+01:00",
        "title": "Five detained in Brussels and Antwerp over suspected attack plot",
        "paragraphs": [
            "BRUSSELS - Belgian police detained five people in dawn raids in Brussels and Antwerp on Wednesday on suspicion of preparing a terrorist attack, the federal prosecutor's office said.",
            "Four were detained in the Brussels municipalities of Molenbeek and Schaerbeek and one in Antwerp. A sixth suspect was arrested in Lille, France, on a European arrest warrant at Belgium's request.",
            "Investigators found no weapons during the searches, the prosecutor's office said.",
        ],
    },
    "hw-75": {
        "outlet": "Sahel Wire",
        "url": "https://www.sahelwire.example/2024/07/15/italian-aid-workers-freed/",
        "published": "2024-07-15T08:00:00+01:00",
        "title": "Two Italian aid workers freed after 18 months in captivity",
        "paragraphs": [
            "NIAMEY - Two Italian aid workers held hostage for 18 months by an Islamic State affiliate in the Sahel have been freed, Italy's foreign ministry said on Sunday.",
            "The pair were abducted in January 2023 from their guesthouse in the town of Ayorou, near the border with Mali. They were released on Saturday after mediation by local leaders and flown to Rome.",
        ],
    },
    "hw-76": {
        "outlet": "Maghreb Press Digest",
        "url": "https://www.maghrebpressdigest.example/revue/2024/12/20/sale-tetouan-cell-verdict/",
        "published": "2024-12-20T09:30:00+01:00",
        "title": "Leader of Tetouan cell jailed for 20 years",
        "paragraphs": [
            "The anti-terrorism chamber of the Sale Court of Appeal on Thursday sentenced the leader of a cell dismantled in Tetouan last year to 20 years in prison and eight co-defendants to terms of between two and 10 years, the daily Assabah reported.",
            "Two other defendants received suspended sentences. The cell, dismantled by the BCIJ in September 2023, had planned attacks on police stations, prosecutors said.",
        ],
    },
    "hw-77": {
        "outlet": "Euro Security Review",
        "url": "https://www.eurosecurityreview.example/2024/01/10/eu-terrorism-arrests-2023/",
        "published": "2024-01-10T10:00:00+01:00",
        "title": "EU police arrested 380 terrorism suspects in 2023, report says",
        "paragraphs": [
            "THE HAGUE - Police in the European Union arrested 380 people on suspicion of terrorism offences in 2023, a third of them in France, according to an annual report published on Tuesday.",
            "Jihadist attacks accounted for 5 of the 14 completed, failed and foiled attacks reported by member states.",
            "Spain reported 78 arrests and Italy 45.",
        ],
    },
    "hw-78": {
        "outlet": "Andalucia Informa (English)",
        "url": "https://www.andaluciainforma.example/en/2024/04/05/granada-searches-malaga-arrest/",
        "published": "2024-04-05T13:00:00+02:00",
        "title": "Guardia Civil searches Granada homes, arrests Algerian at Malaga airport",
        "paragraphs": [
            "The Guardia Civil searched three homes in Granada on Tuesday as part of an investigation into the financing of a jihadist group, but made no arrests, a spokesman said.",
            "On Thursday, officers arrested a 40-year-old Algerian man at Malaga airport as he tried to board a flight to Istanbul.",
        ],
    },
    "hw-79": {
        "outlet": "Lake Chad Chronicle",
        "url": "https://www.lakechadchronicle.example/2024/09/09/iswap-kills-farmers-dalwa/",
        "published": "2024-09-09T10:20:00+01:00",
        "title": "ISWAP fighters kill 12 farmers near Dalwa",
        "paragraphs": [
            "MAIDUGURI - Islamic State West Africa Province fighters killed at least 12 farmers and abducted several women near the village of Dalwa in Borno state on Saturday, residents and a militia leader said.",
            "The attack came a week after the army said it had killed dozens of ISWAP fighters in air strikes in the area.",
        ],
    },
    "hw-80": {
        "outlet": "Tunis Courthouse Report",
        "url": "https://www.tunissourt.example/2024/11/01/shepherd-killing-death-sentences/",
        "published": "2024-11-01T15:00:00+01:00",
        "title": "Four sentenced to death over 2020 killing of shepherd",
        "paragraphs": [
            "TUNIS - A Tunisian court on Thursday sentenced four men to death over the killing of a shepherd by jihadists in the Mghila mountains in 2020, the prosecution said.",
            "Tunisia has not carried out an execution since 1991.",
        ],
    },
    "hw-81": {
        "outlet": "Nord Actu (English)",
        "url": "https://www.nordactu.example/en/2024/10/13/arras-school-stabbing/",
        "published": "2024-10-13T09:00:00+02:00",
        "title": "Teacher killed in knife attack outside Arras school",
        "paragraphs": [
            "A man shouting Islamist slogans stabbed two people outside a school in Arras on Friday, killing a teacher, before police overpowered and arrested him, prosecutors said.",
            "The national anti-terrorism prosecutor's office took over the investigation.",
        ],
    },
    "hw-82": {
        "outlet": "Catalunya Express (AMP)",
        "url": "https://www.catexpress.example/amp/2024/05/22/terrassa-yihadista-detenido/",
        "published": "2024-05-22T13:10:00+02:00",
        "title": "Mossos arrest young man in Terrassa over jihadist propaganda",
        "paragraphs": [
            "By staff reporters | Updated 22/05/2024 15:40",
            "The Mossos d'Esquadra arrested a 23-year-old man of Moroccan origin this Tuesday in Terrassa (Barcelona), accused of spreading propaganda for the Islamic State and of self-indoctrination, the Catalan police said.",
            "Officers also searched his home in the Ca n'Anglada neighbourhood, where they seized a computer and two mobile phones.",
            "The detainee will be brought before the National Court in Madrid in the coming days.",
        ],
    },
    "hw-83": {
        "outlet": "Horn Observer",
        "url": "https://www.hornobserver.example/kenya/2024/06/03/mandera-ied-police/",
        "published": "2024-06-03T09:00:00+03:00",
        "title": "Four police officers killed by roadside bomb in Mandera",
        "paragraphs": [
            "NAIROBI - Four Kenyan police officers were killed and two others wounded when their vehicle struck a roadside bomb in Mandera county near the Somali border on Sunday, police said.",
            "Police blamed al-Shabaab militants, who have carried out dozens of similar attacks in the north-east of the country since 2011.",
            "A manhunt for the attackers was launched in the area, police spokeswoman Resila Onyango said.",
        ],
    },
    "hw-84": {
        "outlet": "Rhine Post",
        "url": "https://www.rhinepost.example/2025/09/11/solingen-attacker-life-sentence/",
        "published": "2025-09-11T12:00:00+02:00",
        "title": "Syrian sentenced to life for Solingen festival knife attack",
        "paragraphs": [
            "DUSSELDORF - The Higher Regional Court in Dusseldorf on Wednesday sentenced a 27-year-old Syrian man to life in prison for the knife attack at a city festival in Solingen in August 2024 that killed three people and wounded eight.",
            "The judges found that he had acted out of support for the Islamic State group, which claimed the attack at the time.",
            "His lawyers said they would consider an appeal.",
        ],
    },
    "hw-85": {
        "outlet": "Atlas Security Portal",
        "url": "https://www.atlassecurity.example/maroc/2024/11/07/tangier-mdiq-cell-seven/",
        "published": "2024-11-07T19:30:00+01:00",
        "title": "Seven arrested as cell is dismantled in four northern cities",
        "paragraphs": [
            "RABAT - The Central Bureau of Judicial Investigations has dismantled a terrorist cell operating in the cities of Tangier, Tetouan, Fnideq and M'diq, the General Directorate of Territorial Surveillance said on Thursday.",
            "The operation led to the arrest of seven people aged between 19 and 33, among them the cell's presumed leader, the statement said. They had pledged allegiance to the Islamic State.",
            "The suspects were placed in custody under the supervision of the public prosecutor in charge of terrorism cases.",
        ],
    },
    "hw-86": {
        "outlet": "Mesopotamia Wire",
        "url": "https://www.mesopotamiawire.example/2024/04/16/kirkuk-strike-five-militants/",
        "published": "2024-04-16T10:45:00+03:00",
        "title": "Iraqi air strike kills five Islamic State militants near Kirkuk",
        "paragraphs": [
            "BAGHDAD - Iraqi warplanes killed five Islamic State militants in an air strike on a hideout near Kirkuk on Monday, the Joint Operations Command said.",
            "The strike followed intelligence that the group was preparing attacks on army positions, the command said, adding that troops later searched the site and found weapons and explosives.",
            "Islamic State fighters still carry out sporadic attacks in the rural areas between Kirkuk, Salahuddin and Diyala provinces.",
        ],
    },
    "hw-87": {
        "outlet": "Alsace Evening News",
        "url": "https://www.alsaceevening.example/faits-divers/2024/03/09/deux-mineurs-mis-en-examen/",
        "published": "2024-03-09T08:15:00+01:00",
        "title": "Two teenagers charged over plan to attack a synagogue",
        "paragraphs": [
            "Two teenagers aged 15 and 16 were charged in Paris on Friday with criminal terrorist conspiracy over a plan to attack a synagogue, the national anti-terrorism prosecutor's office said.",
            "They had been arrested on Tuesday in Mulhouse and Nancy respectively by officers of the General Directorate for Internal Security.",
            "Both were placed in pre-trial detention.",
        ],
    },
    "hw-88": {
        "outlet": "Nordic Security Review",
        "url": "https://www.nordicsecurity.example/2024/10/04/copenhagen-aarhus-arrests-plot/",
        "published": "2024-10-04T16:00:00+02:00",
        "title": "Danish police arrest three over suspected attack plot",
        "paragraphs": [
            "COPENHAGEN - Danish police arrested three people in Copenhagen and Aarhus on Wednesday on suspicion of planning a terrorist attack, the Danish Security and Intelligence Service (PET) said.",
            "Two of them were detained in Copenhagen. The third was arrested in Aarhus later the same day.",
            "A court in Copenhagen ordered all three held in custody for four weeks on Thursday.",
        ],
    },
    "hw-89": {
        "outlet": "West Africa Desk",
        "url": "https://www.westafricadesk.example/niger/2024/12/13/tillaberi-villagers-killed/",
        "published": "2024-12-13T10:00:00+00:00",
        "title": "Gunmen kill 21 villagers in two attacks in western Niger",
        "paragraphs": [
            "NIAMEY - Gunmen killed 21 civilians in attacks on two villages in Niger's Tillaberi region on Tuesday, local sources said on Thursday.",
            "Fourteen people were killed in Libiri and seven in Kokorou, a local official said. The attackers also stole livestock and set fire to granaries.",
            "The army said it had sent reinforcements to the area.",
        ],
    },
    "hw-90": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/02/09/guardia-civil-five-held-four-provinces/",
        "published": "2024-02-09T12:45:00+01:00",
        "title": "Guardia Civil holds five in four provinces over jihadist recruitment",
        "paragraphs": [
            "MADRID, Feb 9 (Iberwire) - The Guardia Civil detained five people in the provinces of Barcelona, Girona, Murcia and Almeria on Thursday in an operation against a network that recruited fighters for the Islamic State, the Interior Ministry said.",
            "Two of the suspects were held in Barcelona province and one in each of the other three.",
            "The network had sent at least two young men to Syria, investigators said.",
        ],
    },
    "hw-91": {
        "outlet": "Sahel Dispatch",
        "url": "https://www.saheldispatch.example/burkina/2024/08/27/barsalogho-trench-attack/",
        "published": "2024-08-27T11:20:00+00:00",
        "title": "Hundreds feared dead in attack on civilians digging trenches in Barsalogho",
        "paragraphs": [
            "OUAGADOUGOU - Jihadists killed at least 200 people, many of them civilians digging defensive trenches, in an attack on the town of Barsalogho in central Burkina Faso on Saturday, security sources and aid workers said.",
            "JNIM said in a statement that its fighters had carried out the attack, which it said targeted militia members.",
            "The government has not given a toll. It was one of the deadliest attacks in the country since 2015.",
        ],
    },
    "hw-92": {
        "outlet": "Brussels Metro News",
        "url": "https://www.brusselsmetro.example/2023/10/18/brussels-shooting-suspect-killed/",
        "published": "2023-10-18T09:30:00+02:00",
        "title": "Gunman who killed two Swedes in Brussels shot dead by police",
        "paragraphs": [
            "BRUSSELS - Belgian police on Tuesday morning shot dead the gunman who killed two Swedish football fans in central Brussels on Monday evening, the interior minister said.",
            "The 45-year-old Tunisian man, who had pledged allegiance to the Islamic State in a video, was found in a cafe in Schaerbeek and died of his wounds in hospital.",
            "A third Swede was seriously wounded in Monday's attack, near the Place Sainctelette.",
        ],
    },
    "hw-93": {
        "outlet": "Maghreb Press Digest",
        "url": "https://www.maghrebpressdigest.example/revue/2024/06/15/algeria-two-terrorists-surrender/",
        "published": "2024-06-15T09:00:00+01:00",
        "title": "Algeria: two terrorists surrender to the army in Tamanrasset",
        "paragraphs": [
            "Two terrorists surrendered to the military authorities in Tamanrasset on Thursday, bringing to 12 the number of militants who have given themselves up since the start of the year, the defence ministry said in its bulletin.",
            "They handed over two Kalashnikov rifles and ammunition, the ministry said.",
            "In the same period, army detachments arrested 21 support elements of terrorist groups in several operations across the country.",
        ],
    },
    "hw-94": {
        "outlet": "Euro Security Review",
        "url": "https://www.eurosecurityreview.example/2024/07/02/italy-expels-bosnian-preacher/",
        "published": "2024-07-02T15:00:00+02:00",
        "title": "Italy expels preacher to Bosnia after radicalisation probe",
        "paragraphs": [
            "ROME - Italy has expelled a 38-year-old preacher of Bosnian nationality who lived in the province of Treviso, the interior ministry said on Tuesday.",
            "He was escorted on Monday to the border crossing at Trieste and handed over to the Slovenian police for his transfer to Sarajevo.",
            "Since January 2023, 140 foreigners have been expelled from Italy for state security reasons, the ministry said.",
        ],
    },
    "hw-95": {
        "outlet": "Northern Nigeria Monitor",
        "url": "https://www.nnmonitor.example/news/2024/10/21/zamfara-bandits-airstrike/",
        "published": "2024-10-21T08:00:00+01:00",
        "title": "Air force says strikes killed bandit leader in Zamfara",
        "paragraphs": [
            "GUSAU - The Nigerian Air Force said on Sunday that an air strike on Friday had killed a notorious bandit leader and about 30 of his fighters in the Tsafe area of Zamfara state.",
            "Residents could not confirm the toll. Bandits have killed and kidnapped thousands of people in north-west Nigeria in recent years.",
        ],
    },
    "hw-96": {
        "outlet": "Atlas Wire",
        "url": "https://www.atlaswire.example/2024/02/09/morocco-spain-cell-five-held/",
        "published": "2024-02-09T11:20:00+01:00",
        "title": "Morocco and Spain break up Islamic State cell, five held",
        "paragraphs": [
            "RABAT, Feb 9 (Atlas Wire) - Moroccan and Spanish security forces broke up an Islamic State cell on Thursday in a joint operation that led to five arrests on both sides of the Strait of Gibraltar, the security services of both countries said.",
            "Three of the suspects were arrested in Nador, one in Tetouan and the fifth in the Spanish enclave of Ceuta, according to a statement from Morocco's General Directorate for Territorial Surveillance (DGST). Spain's Guardia Civil said searches in Ceuta turned up a hunting knife and propaganda material.",
            "The alleged leader, a 27-year-old born in Melilla, had been in contact with Islamic State operatives in the Sahel, investigators said.",
            "Rabat and Madrid have dismantled dozens of cells together over the past decade, in one of Europe's closest counter-terrorism partnerships.",
        ],
    },
    "hw-97": {
        "outlet": "Diario del Estrecho (English edition)",
        "url": "https://www.diariodelestrecho.example/en/2023/09/14/algeciras-bus-station-arrest/",
        "published": "2023-09-14T08:10:00+02:00",
        "title": "Man pulled off coach in Algeciras over Islamic State links",
        "paragraphs": [
            "A 24-year-old man was pulled off a coach at the bus station in Algeciras and placed in custody on suspicion of belonging to the Islamic State, in an operation by the National Police that the Interior Ministry made public on Wednesday.",
            "The arrest took place on Monday, September 11, as the man was about to leave for Madrid, police sources said. Officers later searched his home in La Linea de la Concepcion, where they found notebooks and a laptop.",
            "The suspect, who was born in Tangier and has lived in Spain since childhood, had sworn allegiance to the group in a video found on his phone.",
            "A National Court judge will question him on Friday.",
            "It was the ninth jihadism arrest in the province of Cadiz this year.",
        ],
    },
    "hw-98": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2024/06/18/burkina-mansila-army-post-attack/",
        "published": "2024-06-18T16:45:00+00:00",
        "title": "Burkina Faso: dozens of soldiers killed in attack on Mansila post",
        "paragraphs": [
            "OUAGADOUGOU (Sahel Daily) - Militants attacked an army post at Mansila in northern Burkina Faso's Yagha province on Friday, killing at least 40 soldiers, security sources said on Tuesday.",
            "Jama'at Nusrat al-Islam wal-Muslimin (JNIM), al-Qaeda's affiliate in the Sahel, claimed the attack in a statement on Saturday. The group has held swathes of the countryside in the region since 2019.",
            "Two days later, on Sunday, air force drones struck a column of fighters withdrawing towards the border with Niger near Sebba, killing about 20 of them, the army said.",
            "More than 2,000 people were killed in attacks in Burkina Faso in the first half of the year, according to monitoring groups.",
        ],
    },
    "hw-99": {
        "outlet": "National Anti-Terrorist Prosecutor's Office (press release, English version)",
        "url": "https://www.pnat.example/en/communiques/2025-03-07-strasbourg-mulhouse/",
        "published": "2025-03-07T17:00:00+01:00",
        "title": "Press release: three people charged after the Strasbourg and Mulhouse arrests",
        "paragraphs": [
            "The National Anti-Terrorist Prosecutor's Office (PNAT) announces that three people aged 19 to 23 were charged on 6 March 2025 with criminal terrorist conspiracy by an investigating judge in Paris.",
            "Two of them were remanded in custody; the third was placed under judicial supervision.",
            "They had been arrested on 2 March by officers of the General Directorate for Internal Security (DGSI), two in Strasbourg and one in Mulhouse, as part of an investigation opened on 27 February.",
            "The PNAT recalls that the persons charged are presumed innocent.",
            "Since the start of the year, the PNAT has opened eight investigations into attack plans.",
        ],
    },
    "hw-100": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2025/07/04/mali-diboli-indian-workers-kidnapped/",
        "published": "2025-07-04T10:30:00+00:00",
        "title": "Three Indian workers kidnapped at Mali cement plant",
        "paragraphs": [
            "BAMAKO, July 4 (Sahel Daily) - Armed men abducted three Indian nationals from a cement factory at Diboli, near Kayes in western Mali, on Tuesday, India's foreign ministry said on Thursday, calling on the Malian authorities to secure their swift release.",
            "It came on the same day as coordinated attacks by Jama'at Nusrat al-Islam wal-Muslimin (JNIM) on army posts in seven towns of western Mali, including Kayes and Niono. The army said it had killed more than 80 of the assailants.",
            "No group has said it holds the three men. Kidnappings of foreigners have risen sharply in the Sahel since 2022, with at least 20 taken in the past year, according to security consultants.",
            "The factory, which employs about 300 people, was closed on Wednesday.",
        ],
    },
    "hw-101": {
        "outlet": "Adriatic News",
        "url": "https://www.adriaticnews.example/2023/11/30/italy-lombardy-sweep-two-expelled/",
        "published": "2023-11-30T18:05:00+01:00",
        "title": "Italy expels two Tunisians after anti-terror sweep in Lombardy",
        "paragraphs": [
            "ROME, Nov 30 (Adriatic News) - Italian police detained six people in an anti-terrorism sweep across Lombardy on Wednesday. Two Tunisian men among them were expelled to Tunis hours later on the orders of Interior Minister Matteo Piantedosi.",
            "Four of those detained were picked up in Milan, the others in Brescia and Bergamo, police said. The operation was led by the DIGOS anti-terrorism unit of the Milan police.",
            "The two expelled men had posted messages praising the Hamas attack on Israel, investigators said. Italy has expelled more than 80 people on security grounds since the start of the year.",
        ],
    },
    "hw-102": {
        "outlet": "Flanders Today Online",
        "url": "https://www.flanderstoday.example/2024/10/15/antwerp-ghent-four-held/",
        "published": "2024-10-15T12:00:00+02:00",
        "title": "Four held after raids in Antwerp and Ghent",
        "paragraphs": [
            "Four people were arrested last week during searches at nine addresses in Antwerp and Ghent, the federal prosecutor's office said on Tuesday, in an investigation into participation in the activities of a terrorist group.",
            "Three of the suspects, aged 17 to 20, were held in Antwerp and one in Ghent. An investigating judge placed all four under arrest warrant on Friday.",
            "The investigation is led by the federal judicial police of Antwerp. Weapons and a drone were seized.",
            "The terrorist threat level in Belgium remains at three on a scale of four.",
        ],
    },
    "hw-103": {
        "outlet": "Horn and Sahel Security Briefing",
        "url": "https://www.hssbriefing.example/2025/01/20/weekly-briefing/",
        "published": "2025-01-20T07:00:00+00:00",
        "title": "Security briefing: Somalia, Mozambique, Mali",
        "paragraphs": [
            "SOMALIA - US Africa Command said it carried out an airstrike on Saturday against Islamic State fighters about 40 kilometres south-east of Bosaso, killing three militants. No civilians were hurt, the command said.",
            "MOZAMBIQUE - Insurgents linked to the Islamic State beheaded four villagers in Macomia district of Cabo Delgado province on Thursday, local sources said.",
            "MALI - The junta said on Sunday that the army had neutralised a dozen terrorists in operations around Mopti last week; the figure could not be verified.",
            "More than 1,600 attacks were recorded across the Sahel last year, the Africa Center for Strategic Studies said.",
        ],
    },
    "hw-104": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/03/12/catalonia-four-jihadists-terrassa-sabadell/",
        "published": "2024-03-12T15:40:00+01:00",
        "title": "Catalan police arrest four suspected jihadists near Barcelona",
        "paragraphs": [
            "BARCELONA, March 12 (Iberwire) - Catalonia's regional police, the Mossos d'Esquadra, arrested four suspected jihadists in Terrassa and Sabadell on Tuesday, accusing them of recruiting young people for the Islamic State online.",
            "The men, aged between 19 and 41, were detained in dawn raids on five homes, a spokesman said. Officers seized computers, phones and a machete.",
            "The arrests bring to 11 the number of people detained in Catalonia on jihadism charges since January.",
        ],
    },
    "hw-105": {
        "outlet": "El Vallès Diari (English edition)",
        "url": "https://www.vallesdiari.example/en/2024/03/13/terrassa-raids-recruiters/",
        "published": "2024-03-13T08:15:00+01:00",
        "title": "Three held in Terrassa raids were recruiting teenagers, police say",
        "paragraphs": [
            "Three of the four men arrested by the Mossos d'Esquadra on 12 March were detained in Terrassa's Ca n'Anglada neighbourhood and the fourth in Sabadell, police sources told this newspaper.",
            "Investigators believe the group, which followed the Islamic State, approached teenagers at a gym and on messaging apps.",
            "The operation is unrelated to the arrest of two men in Terrassa in January, the sources said. The four are due to appear before a National Court judge in Madrid on Friday.",
        ],
    },
    "hw-106": {
        "outlet": "Maghreb Press Digest",
        "url": "https://www.maghrebpressdigest.example/revue/2024/05/17/casablanca-cell-three-more/",
        "published": "2024-05-17T09:30:00+01:00",
        "title": "Three more held as Casablanca cell is rolled up",
        "paragraphs": [
            "Moroccan police rolled up a cell loyal to the Islamic State in Casablanca on Thursday, arresting three more suspects and taking to nine the number held this week, the General Directorate for National Security (DGSN) said.",
            "The three were picked up in the Sidi Moumen district, where officers also found a hunting rifle and a stock of fertiliser, according to the statement.",
            "The six men arrested earlier in the week were detained in Casablanca and Mohammedia on Monday, the daily Assabah reported.",
        ],
    },
    "hw-107": {
        "outlet": "Danube Post",
        "url": "https://www.danubepost.example/2023/10/27/passau-border-syrian-arrest/",
        "published": "2023-10-27T13:00:00+02:00",
        "title": "Syrian man stopped at Austrian border over Islamic State membership",
        "paragraphs": [
            "A Syrian man suspected of having fought for the Islamic State was stopped at the border crossing near Passau on Wednesday and placed in custody, Germany's Federal Prosecutor's Office said on Friday.",
            "Officers of the Federal Police found him on a bus from Vienna during a routine check, the prosecutors said. A warrant for his arrest had been issued in August.",
            "The man, identified only as Hussein A. in line with German privacy rules, is accused of having guarded prisoners for the group in Raqqa in 2015, the Munich-based Suddeutsche Zeitung reported.",
            "An investigating judge at the Federal Court of Justice ordered him held in pre-trial detention on Thursday.",
        ],
    },
    "hw-108": {
        "outlet": "Lokoja Ledger",
        "url": "https://www.lokojaledger.example/2024/07/22/kogi-worshippers-freed/",
        "published": "2024-07-22T11:00:00+01:00",
        "title": "Kogi: 25 abducted worshippers regain freedom",
        "paragraphs": [
            "Twenty-five worshippers abducted from a church in Ekinrin-Adde, Kogi State, last month have regained their freedom, the state police command said on Monday.",
            "The victims were released on Saturday after spending more than three weeks in captivity, police spokesman William Aya said, without saying whether a ransom had been paid.",
            "Gunmen stormed the church during a Sunday service on June 30, killing one worshipper and taking the others into the forest.",
            "Kidnappings for ransom have become common in Kogi State, which lies on the main road between Abuja and the south of the country.",
        ],
    },
    "hw-109": {
        "outlet": "Atlas Wire (analysis)",
        "url": "https://www.atlaswire.example/analysis/2025/02/10/bcij-ten-years/",
        "published": "2025-02-10T10:00:00+01:00",
        "title": "Ten years on, Morocco's FBI keeps its secrets",
        "paragraphs": [
            "The Central Bureau of Judicial Investigations (BCIJ), set up in 2015 and often called Morocco's FBI, says it has dismantled more than 90 terrorist cells since its creation.",
            "Its officers are trained to storm a hideout within minutes, and weapons seized in its operations are routinely shown to the press at its headquarters in Sale.",
            "At a conference on counter-terrorism held in Rabat last week, officials said the threat now came mostly from the Sahel. The talks were held behind closed doors.",
            "On Monday the bureau announced the arrest of a 22-year-old man in Berkane suspected of planning to join the Islamic State in the Sahel.",
        ],
    },
    "hw-110": {
        "outlet": "Horn Observer",
        "url": "https://www.hornobserver.example/2024/09/09/shabaab-lower-shabelle-bases/",
        "published": "2024-09-09T09:20:00+03:00",
        "title": "Al-Shabaab attacks two bases in Lower Shabelle",
        "paragraphs": [
            "MOGADISHU - Al-Shabaab fighters attacked two army bases in Somalia's Lower Shabelle region on Sunday, at Sabiid and Awdheegle, killing seven and four soldiers respectively, military officials said.",
            "The militants, who used to hold both towns until a government offensive in 2022, were driven back after several hours of fighting, the officials said.",
            "Al-Shabaab has carried out hundreds of attacks in the region over the past two years.",
        ],
    },
    "hw-111": {
        "outlet": "Le Courrier du Midi (English service)",
        "url": "https://www.courrierdumidi.example/en/2024/11/21/beziers-plot-sentence/",
        "published": "2024-11-21T19:30:00+01:00",
        "title": "Man jailed for 18 years over foiled Beziers plot",
        "paragraphs": [
            "A special assize court in Paris on Thursday sentenced a 27-year-old man to 18 years in prison for planning an attack on a police station in Beziers in 2021.",
            "He was arrested at his parents' home in Beziers in April 2021, days before the planned attack, after his brother alerted the police.",
            "The court acquitted a second defendant, a friend accused of helping him buy a knife.",
        ],
    },
    "hw-112": {
        "outlet": "Algiers Daily Review",
        "url": "https://www.algiersreview.example/2025/04/03/skikda-operation/",
        "published": "2025-04-03T18:00:00+01:00",
        "title": "Army kills two terrorists in Skikda",
        "paragraphs": [
            "Army units killed two terrorists and captured a third during a search operation in the mountains of Collo, in the province of Skikda, on Wednesday, the Defence Ministry said on Thursday.",
            "Two Kalashnikov rifles and ammunition were recovered, it added.",
            "In its weekly bulletin, the ministry said 14 support elements of terrorist groups had been arrested across the country in the past week.",
        ],
    },
    "hw-113": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/10/03/girona-cell-five-held/",
        "published": "2024-10-03T12:10:00+02:00",
        "title": "Guardia Civil breaks up jihadist cell in Girona province; five held",
        "paragraphs": [
            "GIRONA, Oct 3 (Iberwire) - Spain's Guardia Civil has broken up a jihadist cell in the province of Girona, arresting five men in raids in Figueres, Salt and Olot on Wednesday, the Interior Ministry said on Thursday.",
            "Three of the detainees were arrested in Figueres, where officers searched two flats and a prayer room. The other two were picked up at their homes in Salt and Olot.",
            "The suspects, Moroccan nationals aged between 23 and 46, are accused of spreading Islamic State propaganda and of raising money for fighters in Syria, the ministry said in a statement.",
            '"This was a very active cell," a Guardia Civil spokesman told reporters in Madrid. He said the operation had been carried out with the help of Morocco\'s General Directorate for Territorial Surveillance (DGST).',
            "One of the men had been arrested in Salt in 2019 for similar offences and released for lack of evidence.",
            "Spanish security forces have arrested 58 people on jihadism charges so far this year.",
        ],
    },
    "hw-114": {
        "outlet": "Lake Chad Review (interview)",
        "url": "https://www.lakechadreview.example/interviews/2024/05/15/boko-haram-researcher/",
        "published": "2024-05-15T09:00:00+01:00",
        "title": "'Boko Haram has never been weaker, and never more dangerous': an interview",
        "paragraphs": [
            "The army said on Wednesday that its troops had killed 30 Boko Haram fighters near Bama on Tuesday. What do such figures tell us?",
            "Very little on their own. When the army bombs a camp, it announces a toll, and nobody can check it. Boko Haram kills civilians almost every week in Borno, and those deaths are rarely counted.",
            "Thousands of people have been abducted in the north-east since 2014. Most were never found.",
            "Does the group still hold territory? It controls islands on Lake Chad and parts of the Sambisa forest, where it used to run whole towns.",
        ],
    },
    "hw-115": {
        "outlet": "Tangier Tribune (opinion)",
        "url": "https://www.tangiertribune.example/opinion/2024/02/14/teenagers-and-terror/",
        "published": "2024-02-14T08:00:00+01:00",
        "title": "Opinion: arresting teenagers will not end radicalisation",
        "paragraphs": [
            "Every time a cell is dismantled in Morocco, the press celebrates and the statistics grow. Last year the security services arrested more than 100 people on terrorism charges.",
            "The arrest on Monday of a 16-year-old boy in Tangier, accused of pledging allegiance to the Islamic State online, shows how young the suspects have become.",
            "Should the police arrest a teenager for a post? Would a social worker not do better? These are the questions our leaders refuse to ask.",
        ],
    },
    "hw-116": {
        "outlet": "Euro Security Weekly",
        "url": "https://www.eurosecurityweekly.example/2024/11/29/week-in-review/",
        "published": "2024-11-29T17:00:00+01:00",
        "title": "The week in counter-terrorism: Duisburg, Paris, Antwerp",
        "paragraphs": [
            "Germany: Police in Duisburg arrested a 19-year-old Syrian man on Tuesday on suspicion of having planned a knife attack on a Christmas market, prosecutors in Dusseldorf said.",
            "France: A 17-year-old was charged in Paris on Friday with terrorist criminal conspiracy, four days after he was detained by DGSI officers in Rennes.",
            "Belgium: Antwerp police detained three men on Thursday during searches in the Borgerhout district in an investigation into the financing of terrorism. Two were released after questioning.",
            "Also this week: Europol said 426 people had been arrested for terrorist offences in the European Union last year.",
        ],
    },
    "hw-117": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2024/06/11/seytenga-dori-attacks/",
        "published": "2024-06-11T14:00:00+00:00",
        "title": "Burkina Faso: market attack and convoy ambush kill 18",
        "paragraphs": [
            "OUAGADOUGOU (Sahel Daily) - Gunmen killed 12 civilians in an attack on the market in Seytenga on Saturday, local sources said on Tuesday.",
            "In a separate attack the same day, militants ambushed a military convoy near Dori, killing six soldiers, a security source said.",
            "The army said it had killed some 40 terrorists in air strikes in the area on Sunday. The figure could not be independently confirmed.",
        ],
    },
    "hw-118": {
        "outlet": "Adriatic News",
        "url": "https://www.adriaticnews.example/2025/03/15/milan-egyptian-arrested/",
        "published": "2025-03-15T10:45:00+01:00",
        "title": "Young Egyptian arrested in Milan over attack plans",
        "paragraphs": [
            "MILAN, March 15 (Adriatic News) - Italian anti-terrorism police arrested a 20-year-old Egyptian man in Milan on Friday on suspicion of planning an attack on a metro station, police said.",
            "Officers found instructions for making explosives on his phone, according to investigators.",
            "In January, a 22-year-old man was arrested in Milan on similar charges.",
        ],
    },
    "hw-119": {
        "outlet": "Lombardy Courier (English)",
        "url": "https://www.lombardycourier.example/en/2025/03/17/metro-plot-suspect/",
        "published": "2025-03-17T07:30:00+01:00",
        "title": "Metro plot suspect had studied the station for weeks",
        "paragraphs": [
            "The 20-year-old Egyptian detained by DIGOS anti-terrorism officers in the Lombard capital on 14 March had filmed the entrances of the Duomo metro station for weeks, investigators told this newspaper.",
            "A judge on Sunday ordered him held in prison pending trial.",
            "His lawyer said he would appeal.",
        ],
    },
    "hw-120": {
        "outlet": "Brussels Metro News",
        "url": "https://www.brusselsmetro.example/2024/12/05/financing-trial-verdict/",
        "published": "2024-12-05T18:20:00+01:00",
        "title": "Four jailed for sending money to Islamic State fighters",
        "paragraphs": [
            "The Brussels criminal court on Thursday sentenced four men to between three and six years in prison for sending money to Islamic State fighters in Syria.",
            "A fifth defendant was acquitted.",
            "The men were arrested in Brussels and Liege in June 2022 after a two-year investigation by the federal judicial police.",
        ],
    },
    "hw-121": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/04/18/spain-extradites-suspect-france/",
        "published": "2024-04-18T16:00:00+02:00",
        "title": "Spain hands over to France man wanted over jihadist recruitment",
        "paragraphs": [
            "MADRID, April 18 (Iberwire) - Spanish police handed over to France on Tuesday a 33-year-old man wanted for recruiting fighters for the Islamic State, the Interior Ministry said.",
            "He was escorted to the La Jonquera border crossing and delivered to French officers, the ministry said in a statement.",
            "He had been arrested in Barcelona in January on a European arrest warrant issued by a Paris judge.",
        ],
    },
    "hw-122": {
        "outlet": "Horn Observer",
        "url": "https://www.hornobserver.example/2024/08/05/beledweyne-tea-shop-bombing/",
        "published": "2024-08-05T08:40:00+03:00",
        "title": "Suicide bomber kills 15 at tea shop in Beledweyne",
        "paragraphs": [
            "A suicide bomber killed at least 15 people and wounded 22 at a crowded tea shop in the central Somali town of Beledweyne on Saturday evening, police said.",
            "Al-Shabaab said in a statement on its radio station that its fighters had carried out the attack, which targeted soldiers watching a football match.",
            "The town was hit by a similar bombing in 2023, when a truck bomb killed more than 20 people at a checkpoint.",
        ],
    },
    "hw-123": {
        "outlet": "Northern Nigeria Monitor",
        "url": "https://www.nnmonitor.example/news/2023/12/05/tudun-biri-drone-strike/",
        "published": "2023-12-05T12:00:00+01:00",
        "title": "Army admits drone strike killed dozens of villagers in Kaduna",
        "paragraphs": [
            "A military drone strike intended for bandits killed at least 85 villagers celebrating a religious festival in Tudun Biri, Kaduna State, on Sunday night, the army admitted on Tuesday.",
            '"The troops were carrying out routine operations against terrorists and inadvertently affected members of the community," an army spokesman said.',
            "It was the latest of several mistaken strikes. In January, an air force strike killed 39 herders in Nasarawa State, according to Amnesty International.",
        ],
    },
    "hw-124": {
        "outlet": "Atlas Wire",
        "url": "https://www.atlaswire.example/2025/01/15/tetouan-chefchaouen-cell/",
        "published": "2025-01-15T13:15:00+01:00",
        "title": "Morocco breaks up four-member cell in the north",
        "paragraphs": [
            "RABAT, Jan 15 (Atlas Wire) - Morocco's Central Bureau of Judicial Investigations (BCIJ) said on Wednesday it had dismantled a four-member cell loyal to the Islamic State in Tetouan and Chefchaouen on Tuesday.",
            "The four suspects were taken into custody during dawn raids, and officers seized knives and a homemade explosive device. The cell had been operating across the northern Rif region for several months, the bureau said.",
            "Some 1,600 Moroccans have joined jihadist groups in Syria and Iraq since 2012, according to official figures.",
        ],
    },
    "hw-125": {
        "outlet": "Low Countries Wire",
        "url": "https://www.lowcountrieswire.example/2024/09/26/antwerp-rotterdam-raids/",
        "published": "2024-09-26T11:30:00+02:00",
        "title": "Seven held in Belgian-Dutch anti-terror raids",
        "paragraphs": [
            "Belgian and Dutch police arrested seven people in coordinated raids in Antwerp, Mechelen and Rotterdam on Wednesday, prosecutors in both countries said.",
            "Four of the arrests were made in Belgium and three in the Netherlands. The suspects are accused of preparing an attack on a Jewish target, the Belgian federal prosecutor's office said.",
            "In June, Dutch police arrested two men in Rotterdam in an unrelated investigation.",
        ],
    },
    "hw-126": {
        "outlet": "Le Courrier du Midi (English service)",
        "url": "https://www.courrierdumidi.example/en/2025/06/12/concert-plot-verdict/",
        "published": "2025-06-12T20:00:00+02:00",
        "title": "Four sentenced over plot against rock concert",
        "paragraphs": [
            "The special assize court of Paris on Wednesday sentenced three men to between five and 14 years in prison for plotting an attack on a rock concert in Lyon in 2022.",
            "A fourth defendant, believed to be in Syria, was sentenced in absentia to 20 years.",
            "The plot was foiled when the men were arrested in Lyon and Grenoble in October 2022.",
        ],
    },
    "hw-127": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2025/08/18/german-aid-worker-freed/",
        "published": "2025-08-18T15:00:00+00:00",
        "title": "German aid worker kidnapped in Niamey is freed",
        "paragraphs": [
            "A German aid worker kidnapped in Niamey in April was released on Sunday after talks mediated by Qatar, Germany's foreign ministry said on Monday.",
            "The woman, who worked for a humanitarian organisation, was seized by armed men outside her home and driven towards the border with Mali, according to local sources.",
            "Foreigners have rarely been abducted in the Nigerien capital itself.",
        ],
    },
    "hw-128": {
        "outlet": "Midlands Evening Post",
        "url": "https://www.midlandspost.example/news/2024/10/11/birmingham-teen-arrested/",
        "published": "2024-10-11T18:30:00+01:00",
        "title": "Boy, 17, arrested in Birmingham on suspicion of preparing terrorist acts",
        "paragraphs": [
            "Counter-terrorism police arrested a 17-year-old boy in Birmingham on Thursday on suspicion of preparing acts of terrorism.",
            "He was taken into custody at an address in the Small Heath area, West Midlands Police said, adding that the arrest was not linked to the arrest of two men in the city in May.",
            "In the year to June, 250 people were arrested for terrorism-related offences in Britain, according to Home Office figures.",
        ],
    },
    "hw-129": {
        "outlet": "Straits Herald",
        "url": "https://www.straitsherald.example/2024/04/25/ceuta-tetouan-algeciras-nine-held/",
        "published": "2024-04-25T09:50:00+02:00",
        "title": "Nine held on both sides of the Strait in jihadist recruitment probe",
        "paragraphs": [
            "Spanish and Moroccan police detained nine people on Wednesday in a joint operation against a network that recruited fighters for the Islamic State, the security services of both countries said.",
            "Four of the detentions were in Ceuta, three in Tetouan and two in Algeciras, according to Spain's National Police. Morocco's DGST took part in the searches in Tetouan.",
            "The network had sent at least six young men to Syria since 2019, investigators said.",
        ],
    },
    "hw-130": {
        "outlet": "Minna Mirror",
        "url": "https://www.minnamirror.example/2024/06/03/rafi-village-attack/",
        "published": "2024-06-03T10:20:00+01:00",
        "title": "Two killed as bandits attack Niger State village",
        "paragraphs": [
            "Bandits attacked the village of Kundu in Rafi local government area of Niger State on Sunday, killing two farmers, residents said.",
            "No one was abducted, a police spokesman said, denying earlier reports on social media that 20 villagers had been taken.",
            "The police said more officers would be deployed to the area and that arrests were expected.",
        ],
    },
    "hw-131": {
        "outlet": "Euro Security Weekly (analysis)",
        "url": "https://www.eurosecurityweekly.example/analysis/2024/09/20/why-cells-keep-forming/",
        "published": "2024-09-20T08:00:00+02:00",
        "title": "Why small jihadist cells keep forming in Europe's suburbs",
        "paragraphs": [
            "When police arrest a suspect in a terrorism case, neighbours often say they noticed nothing. Those arrested are increasingly teenagers radicalised online.",
            "Cells dismantled in recent years have rarely had more than four members, and most were detected through their messages rather than informants.",
            "Whether more arrests will follow the latest warnings is unclear. Prosecutors do not comment on investigations that are under way.",
        ],
    },
    "hw-132": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2025/05/12/diapaga-post-attack/",
        "published": "2025-05-12T12:30:00+00:00",
        "title": "Four soldiers killed in attack on Diapaga post, army says",
        "paragraphs": [
            "Four soldiers were killed when militants attacked an army post in Diapaga in eastern Burkina Faso on Friday, the army said on Sunday.",
            "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed on Telegram to have killed 30 soldiers in the attack. The figure could not be verified.",
        ],
    },
    "hw-133": {
        "outlet": "Marseille Matin (English edition)",
        "url": "https://www.marseillematin.example/en/2024/03/05/imam-to-be-expelled/",
        "published": "2024-03-05T19:00:00+01:00",
        "title": "France to expel imam arrested in Marseille",
        "paragraphs": [
            "France will expel a 52-year-old Moroccan imam next week, the interior minister said on Tuesday.",
            "The imam was arrested by police at his home in Marseille on Monday and placed in an administrative detention centre pending his removal.",
            "If the expulsion goes ahead, he will be the sixth preacher removed from France this year.",
        ],
    },
    "hw-134": {
        "outlet": "Ouaga Info (English)",
        "url": "https://www.ouagainfo.example/en/2024/11/04/missionaries-reportedly-abducted/",
        "published": "2024-11-04T09:00:00+00:00",
        "title": "Two Italian missionaries reportedly abducted in northern Burkina Faso",
        "paragraphs": [
            "Two Italian missionaries were reportedly abducted near Djibo in northern Burkina Faso on Saturday, according to unconfirmed reports from local sources.",
            "Italy's foreign ministry said it could not confirm the kidnapping and was in contact with the authorities in Ouagadougou.",
        ],
    },
    "hw-135": {
        "outlet": "Tunis Afrique Digest",
        "url": "https://www.tunisdigest.example/2024/09/13/semmama-clash/",
        "published": "2024-09-13T16:10:00+01:00",
        "title": "Two militants killed in clash near Kasserine",
        "paragraphs": [
            "TUNIS, Sept 13 - National Guard units killed two militants and captured a third on Mount Semmama near Kasserine on Thursday, the Interior Ministry said.",
            "In August, an operation in the same area killed one militant.",
        ],
    },
    "hw-136": {
        "outlet": "Le Quotidien de Tunis (English)",
        "url": "https://www.quotidientunis.example/en/2024/09/14/kasserine-terrorists-killed/",
        "published": "2024-09-14T08:30:00+01:00",
        "title": "Kasserine: two terrorists killed on Mount Semmama",
        "paragraphs": [
            "Two terrorists were killed in a clash with security forces on Mount Semmama, in the governorate of Kasserine, on 12 September, the ministry announced.",
            "A third was arrested, and weapons and ammunition were seized in the hideout.",
        ],
    },
    "hw-137": {
        "outlet": "Maghreb Now",
        "url": "https://www.maghrebnow.example/news/2025/02/24/larache-arrest/",
        "published": "2025-02-24T10:00:00+01:00",
        "title": "Suspected Islamic State supporter arrested in Larache",
        "template": "portal",
        "related": [
            "Police arrest five suspected jihadists in Tangier",
            "Court jails three cell members for ten years",
            "Three soldiers killed in attack on army post in Niger",
        ],
        "paragraphs": [
            "Moroccan police arrested a suspected Islamic State supporter in the northern city of Larache on Sunday, the General Directorate for National Security (DGSN) said.",
            "The 23-year-old had shared videos of the group and was in contact with fighters abroad, the DGSN said in a statement, adding that his phone and a laptop were seized.",
            "He was placed in custody under the supervision of the public prosecutor.",
        ],
    },
    "hw-138": {
        "outlet": "Baleares Today",
        "url": "https://www.balearestoday.example/amp/2024/05/29/palma-brothers-financing/",
        "published": "2024-05-29T13:20:00+02:00",
        "title": "Two brothers held in Palma over Islamic State financing",
        "template": "amp",
        "caption": "Guardia Civil officers during an earlier operation against jihadism in Mallorca. (File photo)",
        "related": [
            "Six arrested in Ibiza drug raid",
            "Guardia Civil dismantles cell in Valencia",
        ],
        "paragraphs": [
            "Spain's Guardia Civil arrested two brothers in Palma on Tuesday on suspicion of sending money to Islamic State fighters in Syria, the Interior Ministry said.",
            "The men, Spanish nationals of Moroccan origin aged 31 and 34, ran a mobile phone shop through which they transferred about 20,000 euros, according to investigators.",
        ],
    },
    "hw-139": {
        "outlet": "Sahel Security Blog",
        "url": "https://www.sahelsecurityblog.example/2024/08/22/mazu-mosque-attack/",
        "published": "2024-08-22T21:00:00+01:00",
        "title": "Eleven worshippers killed at a mosque in Katsina: what we know",
        "template": "blog",
        "comments": [
            "The army arrested my cousin last year and he is still detained without trial.",
            "Bandits have killed hundreds in Katsina since 2021 and nobody is ever charged.",
        ],
        "paragraphs": [
            "Gunmen killed 11 worshippers at a mosque in Mazu village, Katsina State, during dawn prayers on Tuesday, local officials said.",
            "The attackers arrived on motorcycles and opened fire as the prayers began, a resident told me by phone. Four people were wounded.",
            "No group has claimed the attack. Bandit gangs have carried out dozens of raids in the area this year.",
        ],
    },
    "hw-140": {
        "outlet": "Ministry of the Interior (press release)",
        "url": "https://www.interieur.example/en/press/2024/12/05/toulouse-arrest/",
        "published": "2024-12-05T18:00:00+01:00",
        "title": "Press release: arrest of a man planning an attack in Toulouse",
        "template": "release",
        "boilerplate": "Since 2017, 49 attack plots have been foiled in France. The Ministry of the Interior reminds the public that any suspicious behaviour can be reported on the dedicated platform.",
        "paragraphs": [
            "On 3 December, officers of the General Directorate for Internal Security (DGSI) arrested a 19-year-old man in Toulouse who was planning to attack a Christmas market, the Minister of the Interior announced today.",
            "The young man, who had pledged allegiance to the Islamic State, was placed in police custody. The investigation was opened by the National Anti-Terrorist Prosecutor's Office.",
        ],
    },
    "hw-141": {
        "outlet": "Brussels Metro News",
        "url": "https://www.brusselsmetro.example/2024/10/18/two-charged-molenbeek/",
        "published": "2024-10-18T16:40:00+02:00",
        "title": "Two men charged after searches in Molenbeek",
        "template": "portal",
        "related": [
            "Brussels shooting: gunman shot dead by police",
            "Four arrested in Antwerp over attack plot",
            "Belgium raises threat level after attack",
        ],
        "paragraphs": [
            "An investigating judge in Brussels charged two men with participating in the activities of a terrorist group on Thursday, a day after police searched five homes in Molenbeek, the federal prosecutor's office said on Friday.",
            "Four other people detained during the searches were released after questioning.",
        ],
    },
    "hw-142": {
        "outlet": "Horn Observer",
        "url": "https://www.hornobserver.example/amp/2024/11/12/mogadishu-mortars/",
        "published": "2024-11-12T11:10:00+03:00",
        "title": "Mortars hit near Mogadishu airport, four wounded",
        "template": "amp",
        "caption": "Somali soldiers patrol a street in Mogadishu after a previous attack. (File photo)",
        "related": [
            "Suicide bomber kills 15 in Beledweyne",
            "US strike kills militants near Kismayo",
        ],
        "paragraphs": [
            "Several mortar shells fired by al-Shabaab fighters landed near Mogadishu's international airport on Monday evening, wounding four people, police said.",
            "The militants said on their radio station that they had targeted a base of the African Union mission inside the airport compound.",
        ],
    },
    "hw-143": {
        "outlet": "Rhine Report",
        "url": "https://www.rhinereport.example/2024/08/30/afghan-deportation-flight/",
        "published": "2024-08-30T12:00:00+02:00",
        "title": "Germany deports 28 Afghan convicts to Kabul",
        "template": "blog",
        "comments": [
            "About time. How many were deported last year?",
            "They should have been expelled years ago.",
        ],
        "paragraphs": [
            "Germany deported 28 Afghan men convicted of crimes to Kabul on Friday, the first such flight since the Taliban returned to power, the government said.",
            "The plane left Leipzig early in the morning, a government spokesman said. Qatar helped arrange the flight.",
        ],
    },
    "hw-144": {
        "outlet": "Nigerian Army (press release)",
        "url": "https://www.army.example/press/2024/06/16/operation-hadin-kai/",
        "published": "2024-06-16T15:00:00+01:00",
        "title": "Troops neutralise 12 terrorists, rescue 7 kidnapped victims in Borno",
        "template": "release",
        "boilerplate": "The Nigerian Army remains committed to ending terrorism in the North East. Members of the public are urged to report suspicious movements to the nearest military formation.",
        "paragraphs": [
            "Troops of Operation Hadin Kai on Friday neutralised 12 terrorists in an ambush near Gwoza, Borno State, the Army said in a statement on Sunday.",
            "The troops also rescued seven kidnapped victims, including three children, during the operation and recovered rifles and motorcycles.",
        ],
    },
    "hw-145": {
        "outlet": "Maghreb Press Digest (translated communiqué)",
        "url": "https://www.maghrebpressdigest.example/communiques/2024/06/05/safi-youssoufia-cell/",
        "published": "2024-06-05T12:00:00+01:00",
        "title": "Communiqué: dismantling of a terrorist cell active in Safi and Youssoufia",
        "template": "release",
        "boilerplate": "The General Directorate for National Security reaffirms its full mobilisation to counter the terrorist threat.",
        "paragraphs": [
            "Within the framework of the continuous efforts to counter the terrorist threat, the elements of the Central Bureau of Judicial Investigations (BCIJ), on the basis of precise information provided by the General Directorate for Territorial Surveillance (DGST), managed on Tuesday to dismantle a terrorist cell composed of three extremists aged between 19 and 28 and active in the cities of Safi and Youssoufia.",
            "The preliminary investigations showed that the members of this cell had pledged allegiance to the so-called Islamic State and were preparing to carry out attacks.",
            "The suspects will be placed in custody under the supervision of the competent public prosecutor.",
        ],
    },
    "hw-146": {
        "outlet": "Iberwire (Interior Ministry note, translated)",
        "url": "https://www.iberwire.example/notes/2024/02/20/granada-arrest/",
        "published": "2024-02-20T11:00:00+01:00",
        "title": "National Police arrest in Granada an alleged member of Daesh",
        "paragraphs": [
            "Agents of the National Police, in a joint operation with Morocco's General Directorate for Territorial Surveillance (DGST), have proceeded to the arrest in Granada of a man of Moroccan nationality, aged 32, as an alleged member of the terrorist organisation Daesh.",
            "The arrest took place on 16 February. The detainee was brought before the Central Court of Instruction number 6 of the National Court, which decreed his entry into provisional prison.",
            "The operation remains open and further arrests are not ruled out.",
        ],
    },
    "hw-147": {
        "outlet": "Le Courrier du Midi (English service)",
        "url": "https://www.courrierdumidi.example/en/2024/03/18/grenoble-man-charged/",
        "published": "2024-03-18T09:15:00+01:00",
        "title": "Man arrested in Grenoble placed under formal investigation",
        "paragraphs": [
            "A man aged 24 was placed under formal investigation on Sunday for terrorist criminal conspiracy and placed in pre-trial detention, the National Anti-Terrorist Prosecutor's Office (PNAT) indicated.",
            "He had been arrested on Wednesday in Grenoble by agents of the General Directorate for Internal Security (DGSI).",
        ],
    },
    "hw-148": {
        "outlet": "Adriatic News",
        "url": "https://www.adriaticnews.example/2025/01/22/turin-digos-custody-order/",
        "published": "2025-01-22T10:30:00+01:00",
        "title": "Turin: Digos arrests 21-year-old over Islamic State propaganda",
        "paragraphs": [
            "The Digos of Turin yesterday morning executed a precautionary custody order against a 21-year-old of Moroccan origin, resident in the city, accused of spreading Islamic State propaganda, police said.",
            "The young man, born in Casablanca, had been under investigation since the summer.",
        ],
    },
    "hw-149": {
        "outlet": "Algiers Daily Review",
        "url": "https://www.algiersreview.example/2025/01/15/mdn-weekly-bulletin/",
        "published": "2025-01-15T17:00:00+01:00",
        "title": "Defence Ministry weekly bulletin: seven support elements arrested",
        "paragraphs": [
            "In the context of the fight against terrorism, detachments of the National People's Army arrested seven support elements of terrorist groups during operations carried out from 8 to 14 January across the national territory, the Ministry of National Defence said in its weekly bulletin.",
            "A detachment of the army, in coordination with the National Gendarmerie, arrested a terrorist in Tamanrasset on 12 January, the bulletin added.",
        ],
    },
    "hw-150": {
        "outlet": "Tunis Afrique Digest",
        "url": "https://www.tunisdigest.example/2024/07/02/sidi-bouzid-takfiri-arrest/",
        "published": "2024-07-02T14:20:00+01:00",
        "title": "Sidi Bouzid: takfiri element arrested",
        "paragraphs": [
            "National Guard units in Sidi Bouzid arrested on Monday a takfiri element wanted by the courts for belonging to a terrorist organisation, the Interior Ministry said in a statement.",
            "The suspect was referred to the public prosecutor's office at the court of first instance.",
        ],
    },
    "hw-151": {
        "outlet": "Federal Prosecutor's Office (press release, English version)",
        "url": "https://www.fgov-parquet.example/en/press/2024/10/10/liege-searches/",
        "published": "2024-10-10T15:00:00+02:00",
        "title": "Press release: searches in the judicial district of Liege",
        "template": "release",
        "boilerplate": "The Federal Prosecutor's Office will not communicate further at this stage of the investigation.",
        "paragraphs": [
            "On Tuesday 8 October, five house searches were carried out in the judicial district of Liege. Three persons were deprived of their liberty.",
            "After hearing, the investigating judge placed two of them under arrest warrant for participation in the activities of a terrorist group. The third person was released.",
        ],
    },
    "hw-152": {
        "outlet": "Rhine Report (Federal Prosecutor's statement, translated)",
        "url": "https://www.rhinereport.example/2024/11/06/berlin-arrest-gba/",
        "published": "2024-11-06T10:00:00+01:00",
        "title": "Arrest of a suspected member of the Islamic State in Berlin",
        "paragraphs": [
            "The Federal Prosecutor General has had the German-Syrian national Ahmad A. arrested in Berlin on 5 November 2024 by officers of the Federal Criminal Police Office.",
            "The accused is strongly suspected of membership of the foreign terrorist organisation Islamic State. He will be brought before the investigating judge of the Federal Court of Justice today, who will decide on the execution of the arrest warrant.",
        ],
    },
    "hw-153": {
        "outlet": "Provence Daily (English edition)",
        "url": "https://www.provencedaily.example/en/2024/05/22/marseille-twelve-held/",
        "published": "2024-05-22T12:00:00+02:00",
        "title": "Twelve held in anti-terror raids around Marseille",
        "paragraphs": [
            "French police arrested 12 people in and around Marseille on Tuesday in an investigation into an Islamic State recruitment network, eight of them in the city itself and the rest in Aubagne and La Ciotat, prosecutors said.",
            "The suspects, aged 17 to 38, are being questioned by DGSI officers.",
        ],
    },
    "hw-154": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/04/12/barcelona-girona-fourteen/",
        "published": "2024-04-12T14:30:00+02:00",
        "title": "Fourteen detained in Catalonia over jihadist financing",
        "paragraphs": [
            "BARCELONA, April 12 (Iberwire) - A total of 14 suspects were detained on Thursday in raids in the provinces of Barcelona and Girona, 10 and four respectively, in an operation by the Mossos d'Esquadra against a network financing jihadist groups.",
            "Officers seized about 60,000 euros in cash, the Catalan police said.",
        ],
    },
    "hw-155": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2024/12/17/tamou-say-attacks/",
        "published": "2024-12-17T09:45:00+00:00",
        "title": "Niger: 23 killed in attacks on two villages",
        "paragraphs": [
            "NIAMEY (Sahel Daily) - Gunmen killed at least 23 people, including 11 soldiers, in attacks on two villages in south-western Niger on Sunday, the interior ministry said on Monday: 15 died in Tamou and eight in Say.",
            "The ministry blamed the Islamic State Sahel Province.",
        ],
    },
    "hw-156": {
        "outlet": "Atlas Wire",
        "url": "https://www.atlaswire.example/2025/03/07/fez-meknes-cell/",
        "published": "2025-03-07T11:00:00+01:00",
        "title": "Five-member cell broken up in Fez and Meknes",
        "paragraphs": [
            "RABAT, March 7 (Atlas Wire) - Moroccan police broke up a five-member cell loyal to the Islamic State on Thursday; three suspects were held in Fez, one of whom is a minor, and two in Meknes, the BCIJ said.",
            "The suspects had been preparing explosive devices, according to the statement.",
        ],
    },
    "hw-157": {
        "outlet": "Northern Ledger",
        "url": "https://www.northernledger.example/news/2024/10/14/kaduna-outskirts-abduction/",
        "published": "2024-10-14T10:10:00+01:00",
        "title": "Some 30 abducted on outskirts of Kaduna",
        "paragraphs": [
            "Some 30 people were abducted by gunmen from a village on the outskirts of Kaduna on Saturday night, residents said.",
            "Police said on Sunday that 10 of them had escaped and returned home.",
        ],
    },
    "hw-158": {
        "outlet": "Low Countries Wire",
        "url": "https://www.lowcountrieswire.example/2024/09/19/antwerp-brussels-seven/",
        "published": "2024-09-19T16:00:00+02:00",
        "title": "Belgian police arrest seven in terrorism probe",
        "paragraphs": [
            "Police in Antwerp and Brussels detained seven people on Wednesday in an investigation into a plot against a synagogue, the federal prosecutor's office said.",
            "Five of the arrests were made in Antwerp's Borgerhout neighbourhood, the other two in Brussels.",
        ],
    },
    "hw-159": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2025/02/04/kidal-strikes/",
        "published": "2025-02-04T13:00:00+00:00",
        "title": "Mali army says 40 militants killed in strikes near Kidal",
        "paragraphs": [
            "Some 40 militants were killed in air strikes on their positions near Kidal on Monday, the Malian army said, while two soldiers died in a separate clash near Gao.",
            "The army did not say which group the militants belonged to.",
        ],
    },
    "hw-160": {
        "outlet": "Basque Herald (English)",
        "url": "https://www.basqueherald.example/en/2024/11/23/bilbao-vitoria-brothers/",
        "published": "2024-11-23T10:00:00+01:00",
        "title": "Brothers arrested in Bilbao and Vitoria over jihadist propaganda",
        "paragraphs": [
            "Spanish police arrested a man in Bilbao and his brother in Vitoria on Friday on suspicion of spreading jihadist propaganda online, the Interior Ministry said.",
            "Both are Spanish nationals aged 22 and 25.",
        ],
    },
    "hw-161": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/06/12/ceuta-three-held/",
        "published": "2024-06-12T09:30:00+02:00",
        "title": "Three suspected jihadists arrested in Ceuta",
        "paragraphs": [
            "MADRID, June 12 (Iberwire) - Spanish police arrested three suspected jihadists in Ceuta on Tuesday on suspicion of recruiting for the Islamic State, the Interior Ministry said.",
            "The men, all Spanish nationals, were detained in the Principe neighbourhood, police said.",
        ],
    },
    "hw-162": {
        "outlet": "El Faro del Estrecho (English edition)",
        "url": "https://www.farodelestrecho.example/en/2024/06/13/principe-raids/",
        "published": "2024-06-13T08:00:00+02:00",
        "title": "Four detained in Principe raids, one released",
        "paragraphs": [
            "National Police officers detained four people in Ceuta's Principe neighbourhood on 11 June in an operation against Islamic State recruiters, police sources told this newspaper.",
            "One of them was released on Wednesday after questioning.",
        ],
    },
    "hw-163": {
        "outlet": "Lake Chad Review",
        "url": "https://www.lakechadreview.example/2025/03/09/maiduguri-farmers-killed/",
        "published": "2025-03-09T12:00:00+01:00",
        "title": "Boko Haram kills 18 farmers near Maiduguri",
        "paragraphs": [
            "Boko Haram fighters killed 18 farmers working in rice fields near Maiduguri on Friday, local officials said on Saturday.",
            "The farmers were attacked as they harvested their crops, a militia leader said.",
        ],
    },
    "hw-164": {
        "outlet": "Northern Nigeria Monitor",
        "url": "https://www.nnmonitor.example/news/2025/03/10/jere-rice-farmers/",
        "published": "2025-03-10T10:00:00+01:00",
        "title": "At least 17 rice farmers killed in Borno",
        "paragraphs": [
            "Suspected jihadists killed at least 17 rice farmers in the Jere area outside Maiduguri, Borno State, on 7 March, residents said.",
            "Borno State's governor condemned the killings and ordered more troops to the area.",
        ],
    },
    "hw-165": {
        "outlet": "Lake Chad Review",
        "url": "https://www.lakechadreview.example/2025/04/20/maiduguri-herders-killed/",
        "published": "2025-04-20T12:00:00+01:00",
        "title": "Nine herders killed near Maiduguri",
        "paragraphs": [
            "Boko Haram fighters killed nine herders near Maiduguri on Thursday, local officials said.",
            "The attack came weeks after a massacre of farmers in the same area.",
        ],
    },
    "hw-166": {
        "outlet": "Atlas Wire",
        "url": "https://www.atlaswire.example/2024/09/03/tangier-tetouan-cell/",
        "published": "2024-09-03T12:00:00+01:00",
        "title": "Morocco dismantles four-member cell in Tangier and Tetouan",
        "paragraphs": [
            "RABAT, Sept 3 (Atlas Wire) - Morocco's Central Bureau of Judicial Investigations (BCIJ) dismantled a four-member cell loyal to the Islamic State in Tangier and Tetouan on Monday, the bureau said.",
            "Three of the suspects were arrested in Tangier and the fourth in Tetouan.",
        ],
    },
    "hw-167": {
        "outlet": "Maghreb Press Digest",
        "url": "https://www.maghrebpressdigest.example/revue/2024/09/04/cellule-tanger-tetouan/",
        "published": "2024-09-04T09:00:00+01:00",
        "title": "Press review: the Tangier-Tetouan cell",
        "paragraphs": [
            "The daily Al Massae returns to the dismantling on 2 September of a terrorist cell of four members operating in the cities of Tangier and Tetouan.",
            "According to the newspaper, the members of the cell, aged between 19 and 34, had been planning attacks on security forces.",
        ],
    },
    "hw-168": {
        "outlet": "Atlas Wire",
        "url": "https://www.atlaswire.example/2024/03/15/tangier-cell/",
        "published": "2024-03-15T12:00:00+01:00",
        "title": "Cell dismantled in Tangier",
        "paragraphs": [
            "RABAT, March 15 (Atlas Wire) - The Central Bureau of Judicial Investigations (BCIJ) dismantled a three-member cell loyal to the Islamic State in Tangier on Wednesday, the bureau said.",
        ],
    },
    "hw-169": {
        "outlet": "Atlas Wire",
        "url": "https://www.atlaswire.example/2024/05/08/agadir-inezgane-cell/",
        "published": "2024-05-08T13:00:00+01:00",
        "title": "Morocco breaks up cell planning attacks in Agadir",
        "paragraphs": [
            "RABAT, May 8 (Atlas Wire) - Moroccan security services broke up a six-member cell loyal to the Islamic State on Tuesday in Agadir and Inezgane, the Central Bureau of Judicial Investigations (BCIJ) said on Wednesday.",
            "Four of the suspects were arrested in Agadir and two in Inezgane during simultaneous raids at dawn, the bureau said.",
            "The searches turned up knives, a sword and chemical products that could be used to make explosives, according to the statement.",
            '"We stopped them before they could act," a security official told Atlas Wire. The suspects, aged between 20 and 33, had been under surveillance for months.',
            "The arrests bring to 11 the number of cells dismantled in Morocco since January.",
        ],
    },
    "hw-170": {
        "outlet": "Iberwire",
        "url": "https://www.iberwire.example/2024/07/26/valencia-financing-network/",
        "published": "2024-07-26T15:00:00+02:00",
        "title": "Spanish police dismantle jihadist financing network in Valencia",
        "paragraphs": [
            "VALENCIA, July 26 (Iberwire) - Spain's National Police have dismantled a network that sent money to Islamic State fighters in Syria, arresting five people in Valencia and Gandia on Thursday, the Interior Ministry said.",
            "The operation, which included eight searches, was carried out with the support of Europol.",
            "Three of those detained were arrested in Valencia and the other two in Gandia. Officers seized 40,000 euros in cash and several mobile phones.",
            "The detainees will be brought before a National Court judge in Madrid on Monday.",
        ],
    },
    "hw-171": {
        "outlet": "Sahel Daily",
        "url": "https://www.saheldaily.example/2024/10/31/gorom-gorom-market-attack/",
        "published": "2024-10-31T10:00:00+00:00",
        "title": "Burkina Faso: attack on Gorom-Gorom market kills 27",
        "paragraphs": [
            "OUAGADOUGOU (Sahel Daily) - Gunmen killed 27 people and wounded 14 in an attack on the cattle market of Gorom-Gorom in northern Burkina Faso on Tuesday, local sources said on Thursday.",
            "The assailants, who arrived on dozens of motorbikes, opened fire on traders and herders and set stalls on fire, a witness said.",
            "The dead included four members of a pro-government militia, the sources added. No group claimed the attack.",
            "The killings in Gorom-Gorom took place a day after the army announced it had retaken control of the area.",
        ],
    },
    "hw-172": {
        "outlet": "Le Courrier du Midi (English service)",
        "url": "https://www.courrierdumidi.example/en/2025/01/30/nice-teenagers-charged/",
        "published": "2025-01-30T18:00:00+01:00",
        "title": "Three teenagers charged over attack plot in Nice",
        "paragraphs": [
            "Three teenagers aged 15 to 17 were charged in Paris on Thursday with terrorist criminal conspiracy over a plan to attack a church in Nice, the National Anti-Terrorist Prosecutor's Office said.",
            "They had been arrested on Sunday in Nice and Cagnes-sur-Mer by officers of the DGSI, two in Nice and one in Cagnes-sur-Mer.",
            "All three were placed in pre-trial detention, the prosecutor's office added.",
            "The youngest, who is 15, is believed to have led the group. Their arrest was the fourth of minors in a terrorism case in France this year.",
        ],
    },
    "hw-173": {
        "outlet": "Northern Ledger",
        "url": "https://www.northernledger.example/news/2025/04/10/zamfara-abduction-rescue/",
        "published": "2025-04-10T11:00:00+01:00",
        "title": "Troops rescue 23 abducted villagers in Zamfara",
        "paragraphs": [
            "Nigerian troops rescued 23 villagers abducted by bandits in Zamfara State, the army said on Thursday.",
            "The villagers had been seized from their homes in Kaura Namoda on 2 April, residents said. Two of them were killed by their captors before the rescue.",
            "The rescue took place on Wednesday in a forest near Kaura Namoda after a gunfight with the bandits, the army said.",
        ],
    },
    "hw-174": {
        "outlet": "Adriatic News",
        "url": "https://www.adriaticnews.example/2024/12/12/bologna-expulsion/",
        "published": "2024-12-12T12:30:00+01:00",
        "title": "Italy expels Moroccan man over Islamic State propaganda",
        "paragraphs": [
            "ROME, Dec 12 (Adriatic News) - Italy expelled a 26-year-old Moroccan man to Casablanca on Wednesday for spreading Islamic State propaganda online, the Interior Ministry said.",
            "The man, who lived in Bologna, was put on a flight from Bologna airport escorted by police officers.",
            "He was the 78th person expelled on security grounds this year, the ministry said.",
        ],
    },
}

# Every template opens with the same head: the title, the canonical link and the publication date.
HEAD = """<title>{title} | {outlet}</title>
<link rel="canonical" href="{url}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
"""

PAGE = (
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
"""
    + HEAD
    + """</head><body>
<header><a href="/">{outlet}</a><nav><ul><li><a href="/security">Security</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<div class="article-body">
{body}
</div>
</article></main>
<footer><p>{outlet}</p></footer>
</body></html>
"""
)


# From batch 18 on, stories also come in other outlets' page templates, whose chrome carries trigger
# words of its own: a portal's related headlines and most-read list, an AMP page's photo caption and
# read-more links, a blog's reader comments, a press release's standing boilerplate.
PORTAL = (
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
"""
    + HEAD
    + """</head><body>
<header><a href="/">{outlet}</a><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/security">Security</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/security">Security</a></div>
<main><article>
<h1>{title}</h1>
<div class="byline">By our correspondent | {published}</div>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<div class="article-body">
{body}
</div>
<div class="related"><h3>Related</h3><ul>{related}</ul></div>
</article>
<aside class="most-read"><h3>Most read</h3><ol>{related}</ol></aside></main>
<footer><p>&copy; {outlet}. All rights reserved.</p></footer>
</body></html>
"""
)

AMP = (
    """<!DOCTYPE html>
<html amp lang="en"><head><meta charset="utf-8">
"""
    + HEAD
    + """<script async src="https://cdn.ampproject.org/v0.js"></script>
</head><body>
<header class="amp-header"><a href="/">{outlet}</a></header>
<article>
<h1>{title}</h1>
<figure><amp-img src="/photo.jpg" width="800" height="450" layout="responsive"></amp-img>
<figcaption>{caption}</figcaption></figure>
{body}
<section class="read-more"><h2>Read more</h2><ul>{related}</ul></section>
</article>
<footer><a href="/">{outlet}</a></footer>
</body></html>
"""
)

BLOG = (
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
"""
    + HEAD
    + """</head><body>
<header><a href="/">{outlet}</a></header>
<main><article class="post">
<h1 class="entry-title">{title}</h1>
<div class="entry-content">
{body}
</div>
</article>
<section id="comments"><h2>Comments</h2>{comments}</section></main>
<footer><p>Powered by a blog engine</p></footer>
</body></html>
"""
)

RELEASE = (
    """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
"""
    + HEAD
    + """</head><body>
<header><a href="/">{outlet}</a><nav><ul><li><a href="/press">Press</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<div class="release-body">
{body}
</div>
<div class="boilerplate"><p>{boilerplate}</p><p>Press office: press@example.org</p></div>
</article></main>
<footer><p>{outlet}</p></footer>
</body></html>
"""
)

TEMPLATES = {"plain": PAGE, "portal": PORTAL, "amp": AMP, "blog": BLOG, "release": RELEASE}


def _texts(article: dict[str, object], key: str) -> list[str]:
    value = article.get(key, [])
    return [str(item) for item in value] if isinstance(value, list) else []


def build() -> None:
    pages = HERE / "pages"
    pages.mkdir(exist_ok=True)
    for article_id, article in ARTICLES.items():
        body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in _texts(article, "paragraphs"))
        lists = ("paragraphs", "related", "comments")
        fields = {k: html.escape(str(v)) for k, v in article.items() if k not in lists}
        fields["related"] = "".join(
            f'<li><a href="/news/{n}">{html.escape(t)}</a></li>'
            for n, t in enumerate(_texts(article, "related"))
        )
        fields["comments"] = "".join(
            f'<div class="comment"><p class="author">Reader {n + 1}</p><p>{html.escape(t)}</p></div>'
            for n, t in enumerate(_texts(article, "comments"))
        )
        template = TEMPLATES[str(article.get("template", "plain"))]
        (pages / f"{article_id}.html").write_text(template.format(body=body, **fields), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        build()
