<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" name="rules" tilewidth="32" tileheight="32" tilecount="8" columns="4">
 <image source="rules.png" width="128" height="64"/>
 <tile id="0">
  <properties>
   <property name="name" value="floor"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="1">
  <properties>
   <property name="name" value="stone_wall"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="high"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="2">
  <properties>
   <property name="name" value="rafters"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="2"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="3">
  <properties>
   <property name="name" value="ladder"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="1"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="4">
  <properties>
   <property name="name" value="low_wall"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="5">
  <properties>
   <property name="name" value="locked_door"/>
   <property name="walkable" type="bool" value="false"/>
   <property name="opaque" type="bool" value="true"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="true"/>
   <property name="locked" type="bool" value="true"/>
  </properties>
 </tile>
 <tile id="6">
  <properties>
   <property name="name" value="beam_overhead"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="none"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="false"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
 <tile id="7">
  <properties>
   <property name="name" value="rubble"/>
   <property name="walkable" type="bool" value="true"/>
   <property name="opaque" type="bool" value="false"/>
   <property name="cover" value="low"/>
   <property name="elevation" type="int" value="0"/>
   <property name="destructible" type="bool" value="true"/>
   <property name="door" type="bool" value="false"/>
   <property name="locked" type="bool" value="false"/>
  </properties>
 </tile>
</tileset>
